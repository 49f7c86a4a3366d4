#!/usr/bin/env bash
# What each page costs, measured against the portal's own floor in one run (issue 14): the packaged portal on its
# default embedded H2 file database, a business seeded through the sandbox, then wrk on /q/health, the landing, the
# picker, the dashboard and the connection page, then the landing and the dashboard compressed as a browser asks.
# Prints req/s, p50, p99, each page's ratio to /q/health, CPU ms and KB per response, the time to the first 200 after
# start and the RSS after the load. Ratios hold on a noisy machine; absolute figures do not.
#
#   bench/pages.sh                       # 3 connections, 5 s warm-up and 20 s per page, 2 threads, 32 connections
#   SCALE=1 bench/pages.sh               # also: a company with 40 connections and 200,000 records, and the monitor
#                                        # over 1,000,000 then 10,000,000 funnel events (slow: about 15 minutes)
#   DURATION=10 CONNECTIONS=16 bench/pages.sh
#   SERVED=120 bench/pages.sh            # first serve the pages, mixed, for 120 s: a server that has been up a while,
#                                        # its hot code compiled (on 2 cores the JIT takes minutes under load)
#   ONLY=picker bench/pages.sh           # the floor and the pages whose name has "picker"
#   SCALE=1 ONLY=connections bench/pages.sh   # the dashboards and the connection page, 40 connections too
#   PROFILE=1 bench/pages.sh             # also a JFR recording of each page's measured run, in target/bench-pages
#   ASYNC_PROFILER=/path/libasyncProfiler.so bench/pages.sh
#                                        # also an async-profiler CPU profile of each page's measured run (collapsed
#                                        # stacks, in target/bench-pages): every frame however deep, native ones too;
#                                        # the library is in Maven Central's tools.profiler:async-profiler:4.1:linux-x64
#
# Builds nothing: run ./mvnw package -DskipTests && bench/start-archive.sh first (or BUILD=1); the start-up archive
# is used when the package has one for this java (app-cds.jsa up to Java 24, app.aot from 25). Needs wrk (Debian:
# apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

PORT="${PORT:-8098}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9098}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
HEAP="${HEAP:--Xmx512m}"
# The JVM options the README recommends for a small machine (serial collector, a heap that starts small and gives
# memory back, native memory the JIT freed handed back every 5 s; and MALLOC_ARENA_MAX=2 below); JVM= measures the
# JVM's defaults instead.
JVM="${JVM--XX:+UseSerialGC -Xms64m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -XX:TrimNativeHeapInterval=5000}"
DATA="target/bench-pages"
BASE="http://localhost:$PORT"
# The default URL's options (DB_CLOSE_ON_EXIT=FALSE: H2 closes when the portal has stopped, after its last writes, so
# the restart finds the database closed cleanly); H2's AUTO_SERVER (a TCP server, 0.3 s more at start-up) only when
# the scale run's seeding tools open the database beside the portal.
URL="jdbc:h2:file:$PWD/$DATA/portal;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64${H2_OPTIONS:-}"
[ "${SCALE:-0}" = 1 ] && URL+=";AUTO_SERVER=TRUE"
ADMIN="bench-admin@example.com"

command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ "${BUILD:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -B package -DskipTests && bench/start-archive.sh
fi
H2_JAR="$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -1)"
BENCH_CLASSES=target/bench-classes
javac -d "$BENCH_CLASSES" bench/HtmlForms.java bench/SeedPages.java

rm -rf "$DATA" && mkdir -p "$DATA"
# The package's start-up archive (bench/start-archive.sh), made for the class path as given here: the jar's path from
# the repository's root. Its files (database, key, uploads) go to $DATA.
JAR=target/quarkus-app/quarkus-run.jar
source bench/archive.sh
CDS=()
[ -e "$ARCHIVE" ] && CDS=("$USE_OPTION")
# Qute renders through deep recursion: JFR's default of 64 frames would cut most rendering stacks short.
PROFILE_OPTS=()
[ "${PROFILE:-0}" = 1 ] && PROFILE_OPTS=(-XX:FlightRecorderOptions=stackdepth=1024)

# Starts the portal and prints the milliseconds to its first 200.
start_portal() {
  local start
  start="$(date +%s%N)"
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java $HEAP $JVM "${CDS[@]}" "${PROFILE_OPTS[@]}" ${JAVA_OPTS:-} \
    -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
    -Dquarkus.datasource.jdbc.url="$URL" -Dportal.base-url="$BASE" \
    -Dportal.token-key-file="$DATA/token.key" -Dportal.uploads.dir="$DATA/uploads" \
    -Dportal.monitor.admin-emails="$ADMIN" -Dquarkus.mailer.mock=true -Dquarkus.log.level=WARN \
    -jar "$JAR" >> "$DATA/portal.log" 2>&1 &
  PORTAL=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/" || true)" = 200 ]; do
    kill -0 "$PORTAL" 2>/dev/null || { echo "The portal did not start; see $DATA/portal.log" >&2; exit 1; }
    sleep 0.02
  done
  FIRST_MS=$(( ($(date +%s%N) - start) / 1000000 ))
}
trap 'kill "$PORTAL" 2>/dev/null || true; wait "$PORTAL" 2>/dev/null || true' EXIT
start_portal
FRESH_MS="$FIRST_MS"

SEED="$(java -cp "$BENCH_CLASSES" SeedPages "$BASE" 3 "bench-3@example.com")"
COOKIE="$(echo "$SEED" | sed -n 1p)"
CONNECTION="$(echo "$SEED" | sed -n 2p)"

# The portal's CPU time so far, in clock ticks (user + system): per request it is what a page costs, whatever else
# the machine runs at the same time.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PORTAL/stat"; }
TICKS_PER_SECOND="$(getconf CLK_TCK)"

# One line per target: req/s, p50 and p99 in ms as wrk reports them, non-2xx responses, requests wrk gave up on
# (after its 2 s timeout), CPU ms per request, KB per response as sent (headers included).
measure() { # url [header...]
  local url="$1" header=() h
  shift
  for h in "$@"; do [ -n "$h" ] && header+=(-H "$h"); done
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "${header[@]}" "$url" > /dev/null
  local before after
  local name
  name="$(echo "$url" | sed 's|^https*://[^/]*||; s|[^A-Za-z0-9]|_|g')"
  [[ "$*" == *gzip* ]] && name+="_gzip"
  [ "${PROFILE:-0}" = 1 ] && jcmd "$PORTAL" JFR.start name=page settings=profile > /dev/null
  # itimer rather than perf events, which containers often refuse; jcmd splits an unquoted argument at its "=".
  [ -n "${ASYNC_PROFILER:-}" ] && jcmd "$PORTAL" JVMTI.agent_load "$ASYNC_PROFILER" "\"start,event=itimer,interval=1ms\"" > /dev/null
  before="$(cpu_ticks)"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${header[@]}" "$url" > "$DATA/wrk.out"
  after="$(cpu_ticks)"
  [ "${PROFILE:-0}" = 1 ] && jcmd "$PORTAL" JFR.stop name=page filename="$ROOT/$DATA/$name.jfr" > /dev/null
  [ -n "${ASYNC_PROFILER:-}" ] && jcmd "$PORTAL" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,collapsed,file=$ROOT/$DATA/$name.collapsed\"" > /dev/null
  awk -v ticks=$((after - before)) -v hz="$TICKS_PER_SECOND" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    function kb(v) { if (v ~ /GB$/) return v * 1048576; if (v ~ /MB$/) return v * 1024; if (v ~ /KB$/) return v + 0; return v / 1024 }
    / requests in / { total = $1; read = kb($5) } /Non-2xx/ { bad = $NF } /Socket errors/ { late = $NF }
    END { printf "%.0f %.1f %.1f %d %d %s %s\n", rps, p50, p99, bad, late,
          (total > 0 ? sprintf("%.2f", 1000 * ticks / hz / total) : "-"),
          (total > 0 ? sprintf("%.1f", read / total) : "-") }' "$DATA/wrk.out"
}
# A page that fails is printed all the same, marked, and the run goes on (a SCALE run is long, and what failed is a
# finding); the run then ends with status 1.
FAILED_PAGES=0
wanted() { [ -z "${ONLY:-}" ] || [[ "$1" == *"$ONLY"* ]] || [[ "$1" == *floor* ]]; }
report() { # name url [header...]
  wanted "$1" || return 0
  read -r rps p50 p99 bad late cpu size <<< "$(measure "${@:2}")"
  [ -z "${FLOOR:-}" ] && FLOOR="$rps"
  local failed=""
  if [ "$bad" != 0 ] || [ "$late" != 0 ]; then
    failed="  FAILED: $bad non-2xx, $late timed out"
    FAILED_PAGES=$((FAILED_PAGES + 1))
  fi
  printf '%-40s %9s %9s %9s %8.1f%% %9s %7s%s\n' "$1" "$rps" "$p50" "$p99" \
    "$(echo "$rps $FLOOR" | awk '{ print ($2 > 0 ? 100 * $1 / $2 : 0) }')" "$cpu" "$size" "$failed"
}

if [ "${SERVED:-0}" -gt 0 ]; then
  # Every page in turn, with the business's cookie (the landing is then a signed-in reader's); not measured.
  wrk -t2 -c"$CONNECTIONS" -d"${SERVED}s" -H "$COOKIE" -s bench/mixed.lua "$BASE" -- \
    / /connect/platforms /connections "/connections/$CONNECTION" > /dev/null
fi

printf '\n%-40s %9s %9s %9s %9s %9s %7s\n' "page" "req/s" "p50 ms" "p99 ms" "of floor" "CPU ms" "KB"
FLOOR=""
report "/q/health (the floor)" "http://localhost:$MANAGEMENT_PORT/q/health"
# What any page pays before its own work: RESTEasy, the filters, the security layer and a few bytes of CSS.
report "/theme.css (a page's plumbing)" "$BASE/theme.css"
report "/ (landing)" "$BASE/"
report "/connect/platforms (picker)" "$BASE/connect/platforms" "$COOKIE"
report "/connections (dashboard, 3 synced)" "$BASE/connections" "$COOKIE"
report "/connections/$CONNECTION (connection page)" "$BASE/connections/$CONNECTION" "$COOKIE"
# What compression costs: a browser always asks for it, wrk only when told (quarkus.http.enable-compression).
GZIP="Accept-Encoding: gzip"
report "/ (landing, gzip)" "$BASE/" "$GZIP"
report "/connections (dashboard, gzip)" "$BASE/connections" "$COOKIE" "$GZIP"

if [ "${SCALE:-0}" = 1 ] && wanted "/connections (40, 200,000 records)"; then
  SEED40="$(java -cp "$BENCH_CLASSES" SeedPages "$BASE" 40 "bench-40@example.com")"
  COOKIE40="$(echo "$SEED40" | sed -n 1p)"
  java -cp "$H2_JAR" bench/SeedRecords.java "$URL" portal portal "bench-40@example.com" 200000 >&2
  report "/connections (40, 200,000 records)" "$BASE/connections" "$COOKIE40"
  # The 3-connection dashboard again, now as warm as the 40-connection one: the pair to compare (the issue: 1.3x).
  report "/connections (3 synced, again)" "$BASE/connections" "$COOKIE"
fi
if [ "${SCALE:-0}" = 1 ] && wanted "/monitor"; then
  # The monitor, for an admin, over 1,000,000 then 10,000,000 funnel events.
  ADMIN_SEED="$(java -cp "$BENCH_CLASSES" SeedPages "$BASE" 0 "$ADMIN")"
  ADMIN_COOKIE="$(echo "$ADMIN_SEED" | sed -n 1p)"
  for EVENTS in 1000000 10000000; do
    HAVE="$(java -cp "$H2_JAR" org.h2.tools.Shell -url "$URL" -user portal -password portal \
      -sql "select count(*) from funnel_event" | sed -n '2p' | tr -d ' ')"
    java -Xmx1g -cp "$H2_JAR" bench/SeedFunnelEvents.java "$URL" portal portal $((EVENTS - HAVE)) "$EVENTS" >&2
    report "/monitor ($EVENTS events)" "$BASE/monitor" "$ADMIN_COOKIE"
  done
fi

RSS_KB="$(ps -o rss= -p "$PORTAL" | tr -d ' ')"
# The heap's committed part (survivors, eden, old): what of the RSS the collector holds.
HEAP_MB="$(jstat -gc "$PORTAL" | awk 'NR == 2 { printf "%.0f", ($1 + $2 + $5 + $7) / 1024 }')"
# A restart on the database it left: what an operator's rolling deploy waits for.
kill "$PORTAL"; wait "$PORTAL" 2>/dev/null || true
start_portal
printf '\nfirst 200 after start: %.1f s on a new database, %.1f s on a restart%s; RSS after the load: %d MB, heap %s MB committed (%s)\n' \
  "$(echo "$FRESH_MS" | awk '{ print $1 / 1000 }')" "$(echo "$FIRST_MS" | awk '{ print $1 / 1000 }')" \
  "$([ ${#CDS[@]} -gt 0 ] && echo " (${CDS[0]})")" $((RSS_KB / 1024)) "$HEAP_MB" "$HEAP $JVM"
printf '%s s per page after %s s of warm-up%s, wrk -t2 -c%s; CPU ms: the portal'"'"'s CPU time per request\n' \
  "$DURATION" "$WARMUP" "$([ "${SERVED:-0}" -gt 0 ] && echo ", the pages served mixed for $SERVED s first")" "$CONNECTIONS"
[ "$FAILED_PAGES" = 0 ] || { echo "$FAILED_PAGES page(s) FAILED; see $DATA/portal.log" >&2; exit 1; }
