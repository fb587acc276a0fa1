#!/usr/bin/env bash
# The load test (issue 13): GovCloud's jar on its embedded PostgreSQL with a tier-L world
# (generated on the first start if the data directory has none), then Gatling with fifty
# people of every role for five minutes; prints p50/p95/p99, throughput and errors per
# request kind and overall. The Commission's and the audit administrator's accounts sign in
# with a password only here (two-factor required-roles emptied for the benchmark, as in the
# tests): Gatling has no authenticator app. --days shortens the world's utilisation (a tier-L
# world's 35 days took 17.5 minutes on 2 cores at load 6–11, ADR 0045; the data directory keeps a world once generated).
#
# Before the measured run the same simulation runs --warmup minutes (3), unreported: the
# server's JIT compiles the request paths and autovacuum finishes with a new world's tables.
# Measured on the same tier-L world, the first minutes after start ran at 54 requests/s
# (p99 5.4 s), warm ones at 433 requests/s (p99 151 ms) (ADR 0047).
#
#   bench/load.sh [--tier L] [--days 35] [--users 50] [--minutes 5] [--warmup 3] [--data bench/data-L] [--port 8095]
set -euo pipefail
cd "$(dirname "$0")/.."
TIER=L DAYS=35 USERS=50 MINUTES=5 WARMUP=3 PORT=8095 DATA=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tier) TIER=$2; shift 2 ;;
    --days) DAYS=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --minutes) MINUTES=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DATA=${DATA:-bench/data-$TIER}
mkdir -p "$DATA"
LOG="$DATA/govcloud.log"

./mvnw -B -q -DskipTests package
# A copy: a later build replacing target/*.jar must not pull classes from under the server.
JAR="$DATA/govcloud.jar"
cp "$(ls target/govcloud-*.jar | grep -v original | head -1)" "$JAR"
echo "== GovCloud on port $PORT, data in $DATA, world tier $TIER ($DAYS days of utilisation); load $(cut -d' ' -f1-3 /proc/loadavg)"
GOVCLOUD_PORT=$PORT GOVCLOUD_DATA_DIR="$PWD/$DATA/postgres" GOVCLOUD_WORLD=$TIER \
  java -Xmx2g -jar "$JAR" --govcloud.world.days="$DAYS" --govcloud.world.utilisation-in-background=false \
  --govcloud.security.two-factor.required-roles= \
  --logging.level.root=WARN --logging.level.cn.govcloud=INFO >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
started=$(date +%s)
until grep -qE "World generated|A world was generated on this database before" "$LOG"; do
  if ! kill -0 $PID 2>/dev/null; then echo "GovCloud stopped:"; tail -30 "$LOG"; exit 1; fi
  sleep 5
done
grep -E "World (records|generated)|world was generated" "$LOG" | sed 's/^.*: //'
echo "== ready after $(( $(date +%s) - started )) s; load $(cut -d' ' -f1-3 /proc/loadavg)"

set +e
if [ "$WARMUP" -gt 0 ]; then
  echo "== warm-up: $WARMUP minutes of the same load, not reported"
  ./mvnw -B gatling:test -Dgovcloud.url="http://localhost:$PORT" -Dusers="$USERS" -Dminutes="$WARMUP" \
    > "$DATA/gatling-warmup.log" 2>&1
  grep -E "mean throughput|99th percentile" "$DATA/gatling-warmup.log" | head -2 | sed 's/^/   warm-up /'
fi
echo "== measured: $USERS users for $MINUTES minutes; load $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B gatling:test -Dgovcloud.url="http://localhost:$PORT" -Dusers="$USERS" -Dminutes="$MINUTES" \
  > "$DATA/gatling.log" 2>&1
GATLING=$?
set -e
REPORT=$(ls -td target/gatling/cityloadsimulation-* | head -1)
echo "== load $(cut -d' ' -f1-3 /proc/loadavg) after the run; report $REPORT/index.html"
python3 - "$REPORT/index.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
rows = []
for tr in re.findall(r'<tr id="[^"]*"[^>]*>(.*?)</tr>', html, re.S):
    name = re.search(r'class="ellipsed-name">([^<]*)<', tr)
    cols = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', tr))
    if name and cols:
        rows.append((name.group(1), cols))
print(f'{"request":36} {"count":>7} {"errors":>6} {"req/s":>7} {"p50 ms":>7} {"p95 ms":>7} {"p99 ms":>7}')
for name, c in sorted(rows, key=lambda r: (r[0] != "All Requests", -int(r[1]["2"]))):
    print(f'{name[:36]:36} {c["2"]:>7} {c["4"]:>6} {c["6"]:>7} {c["8"]:>7} {c["10"]:>7} {c["11"]:>7}')
PY
grep -E "^Global:" "$DATA/gatling.log" || true
exit $GATLING
