#!/usr/bin/env bash
# Latency of the monitor page (/monitor, default period: the 12 weeks up to today) over 100,000 and
# 1,000,000 funnel events, against the running portal on an H2 file database.
#
#   bench/monitor-latency.sh                 # 100,000 then 1,000,000 events, 20 requests each
#   STEPS="100000 1000000 2000000" REQUESTS=50 bench/monitor-latency.sh
#
# It starts the packaged portal (./mvnw package -DskipTests first, or BUILD=1) on PORT with a fresh
# database under target/bench opened with H2's AUTO_SERVER, so that SeedFunnelEvents.java can insert
# into it while the portal runs; signs up an admin (portal.monitor.admin-emails); then for each step
# tops the events up to that number, warms up, and times REQUESTS sequential GETs of /monitor with
# curl, reporting the median and the 95th percentile. The portal is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

PORT="${PORT:-8097}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9097}"
STEPS="${STEPS:-100000 1000000}"
REQUESTS="${REQUESTS:-20}"
WARMUP="${WARMUP:-30}"
DATA="target/bench"
ADMIN="bench-admin@example.com"
PASSWORD="bench password 12345"
BASE="http://localhost:$PORT"
URL="jdbc:h2:file:$PWD/$DATA/portal;AUTO_SERVER=TRUE"

if [ "${BUILD:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -B package -DskipTests
fi
H2_JAR="$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -1)"

rm -rf "$DATA" && mkdir -p "$DATA"
# Run from $DATA, so that the generated token key and uploads land there too.
(cd "$DATA" && exec java -Xmx1g \
  -Dquarkus.http.port="$PORT" \
  -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -Dquarkus.datasource.jdbc.url="$URL" \
  -Dportal.base-url="$BASE" \
  -Dportal.monitor.admin-emails="$ADMIN" \
  -Dquarkus.log.level=WARN \
  -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > portal.log 2>&1) &
PORTAL=$!
trap 'kill "$PORTAL" 2>/dev/null || true; wait "$PORTAL" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://localhost:$MANAGEMENT_PORT/q/health/ready" > /dev/null && break
  kill -0 "$PORTAL" 2>/dev/null || break
  sleep 1
done
curl -sf "http://localhost:$MANAGEMENT_PORT/q/health/ready" > /dev/null || { echo "The portal did not start; see $DATA/portal.log" >&2; exit 1; }

# Sign up the admin like a browser: the CSRF token comes from the form and its cookie.
JAR="$DATA/cookies.txt"
TOKEN="$(curl -s -c "$JAR" "$BASE/signup" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)"
STATUS="$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" \
  --data-urlencode "csrf-token=$TOKEN" --data-urlencode "email=$ADMIN" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "companyName=Bench Operations" "$BASE/signup")"
[ "$STATUS" = 303 ] || { echo "Sign-up answered $STATUS" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE/monitor")" = 200 ] || { echo "No admin access" >&2; exit 1; }

count_events() {
  java -cp "$H2_JAR" org.h2.tools.Shell -url "$URL" -user portal -password portal \
    -sql "select count(*) from funnel_event" | sed -n '2p' | tr -d ' '
}

printf '\n%-10s %-16s %-10s %-10s %-10s %-10s\n' "events" "started_flows*" "median_ms" "p95_ms" "min_ms" "max_ms"
SEEDED=0
for TARGET in $STEPS; do
  ADD=$((TARGET - SEEDED))
  if [ "$ADD" -gt 0 ]; then
    java -Xmx1g -cp "$H2_JAR" bench/SeedFunnelEvents.java "$URL" portal portal "$ADD" "$TARGET" >&2
  fi
  SEEDED="$(count_events)"
  for _ in $(seq 1 "$WARMUP"); do
    curl -s -o /dev/null -b "$JAR" "$BASE/monitor"
  done
  TIMES="$(for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}\n' "$BASE/monitor"
  done)"
  if echo "$TIMES" | grep -qv '^200 '; then
    echo "A request failed:" >&2; echo "$TIMES" | grep -v '^200 ' >&2; exit 1
  fi
  # What the page counted, from its own CSV: the flows started in the default period.
  STARTED="$(curl -s -b "$JAR" "$BASE/monitor/funnel.csv" | sed -n '2p' | cut -d, -f2)"
  echo "$TIMES" | awk '{ print $2 * 1000 }' | sort -n | awk -v events="$SEEDED" -v started="$STARTED" '
    { t[NR] = $1 }
    END {
      median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      p95 = t[int(NR * 0.95 + 0.999999)]
      printf "%-10s %-16s %-10.1f %-10.1f %-10.1f %-10.1f\n", events, started, median, p95, t[1], t[NR]
    }'
done
echo "* flows started in the page's period (its funnel.csv), to show that it counted the events; $REQUESTS requests after $WARMUP to warm up"
