#!/usr/bin/env bash
# The storage and read benchmark of issue 12: fills a throw-away database on the machine's
# PostgreSQL with --days of 5-minute history for --hosts hosts through UtilisationHistory,
# prints bytes per point of each rollup, the projected tier-L footprint and the read times.
# See bench/README.md.
#
#   bench/rollups.sh [--hosts 30000] [--days 35] [--unit-hosts 500] [--reads 3]
#                    [--db-server jdbc:postgresql://127.0.0.1:5432/]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_SKIP_BUILD:-}" != "true" ]; then
  ./mvnw -B -q -DskipTests test-compile
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
fi

exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.govcloud.bench.RollupBenchmark "$@"
