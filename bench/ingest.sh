#!/usr/bin/env bash
# The ingest benchmark of issue 6: identical Prometheus remote-write 1.0 requests to Debian's
# Prometheus and to GovCloud's packaged jar, one after the other; prints samples/s, the ratio,
# latencies, GovCloud's peak heap and the durability checks. See bench/README.md.
#
#   bench/ingest.sh [--hosts 30000] [--rounds 5] [--senders 4] [--batch 2000] [--heap 1g]
#                   [--only both|prometheus|govcloud] [--jar path/to/govcloud.jar]
#                   [--db-server jdbc:postgresql://127.0.0.1:5432/] [--max-seconds 1200]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/prometheus ]; then
  echo "Installing Debian's prometheus (it is not started as a service here)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

if [ "${BENCH_SKIP_BUILD:-}" != "true" ]; then
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test
fi

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java -Xmx6g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.govcloud.bench.IngestBenchmark "$@"
