#!/usr/bin/env bash
# The rightsizing benchmark of issue 17: fills a throw-away database on the machine's
# PostgreSQL with --days of CPU and memory history for --hosts ACTIVE hosts, then times
# --runs recomputations of every recommendation (target: ≤ 30 s at 30,000 × 30).
#
#   bench/rightsizing.sh [--hosts 30000] [--days 30] [--runs 3]
#                        [--db-server jdbc:postgresql://127.0.0.1:5432/]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_SKIP_BUILD:-}" != "true" ]; then
  ./mvnw -B -q -DskipTests test-compile
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
fi

exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.govcloud.bench.RightsizingBenchmark "$@"
