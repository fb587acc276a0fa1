#!/usr/bin/env bash
# The monthly reports' benchmark of issue 15: generates a world of --units units and
# --hosts hosts (tier L: 1,000 / 30,000) with --days of utilisation in a throw-away
# database on the machine's PostgreSQL, then drafts the month before for every unit and
# writes each report as PDF and Excel, printing the time, reports per second and the peak
# heap (target: ≤ 5 min, heap ≤ 1 GiB: the measuring JVM runs with -Xmx1g; the world is
# generated before, in a JVM with BENCH_WORLD_HEAP, default 3g).
#
#   bench/reports.sh [--units 1000] [--hosts 30000] [--systems units×7.5] [--days 35]
#                    [--threads cores] [--db-server jdbc:postgresql://127.0.0.1:5432/]
#                    [--database NAME]   (again on a world kept with BENCH_KEEP_DB=true)
#
# The JVM gets GovCloud's runtime class path (as the jar has it) and the benchmark's
# classes, not the test libraries: Gatling's Saxon there would be found by JAXP and make
# every Excel file several times slower than in GovCloud itself.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_SKIP_BUILD:-}" != "true" ]; then
  ./mvnw -B -q -DskipTests test-compile
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/reports-classpath.txt \
    -DincludeScope=runtime
fi

CP="target/test-classes:target/classes:$(cat target/reports-classpath.txt)"
# The world is generated in a JVM of its own (the generator needs more than 1 GiB at tier L),
# then measured in one with -Xmx1g, issue 15's heap: the database is dropped afterwards unless
# BENCH_KEEP_DB=true. With --database NAME only the measurement runs, on that world.
if [[ " $* " != *" --database "* ]]; then
  LOG=$(mktemp)
  java -Xmx${BENCH_WORLD_HEAP:-3g} -cp "$CP" cn.govcloud.reporting.ReportBenchmark "$@" --world-only true | tee "$LOG"
  DB=$(sed -n 's/^World database: //p' "$LOG")
  rm -f "$LOG"
  [ -n "$DB" ] || { echo "no world was generated" >&2; exit 1; }
  DROP=true
  [ "${BENCH_KEEP_DB:-}" = "true" ] && DROP=false
  exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$CP" cn.govcloud.reporting.ReportBenchmark "$@" --database "$DB" \
    --drop "$DROP"
fi
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$CP" cn.govcloud.reporting.ReportBenchmark "$@"
