#!/usr/bin/env bash
# What WRITE_DELAY=0 (in the default H2 URL, so that a killed portal keeps every answered write) costs.
#
#   bench/commit-cost.sh                       # both parts below
#   COMMITS=20000 RUNS=7 SIGNUPS=50 bench/commit-cost.sh
#
# 1. bench/CommitCost.java: single-row commits one after another into a fresh H2 file, with H2's default
#    (WRITE_DELAY 500 ms, written in the background) and with WRITE_DELAY=0; median time per commit, and
#    the largest the file grew while open (with WRITE_DELAY=0 each commit is a chunk of its own, kept 45 s).
# 2. The packaged portal (./mvnw package -DskipTests first, or BUILD=1) on a fresh database under
#    target/bench-commit, started once with each URL: SIGNUPS sequential sign-ups with curl, each getting
#    the form for its CSRF token and posting it, after WARMUP to warm up; median and 95th percentile of
#    the POST, and sign-ups per second. A sign-up hashes its password with bcrypt (cost 12), which
#    dominates; the commit cost shows in the difference.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

COMMITS="${COMMITS:-5000}"
RUNS="${RUNS:-5}"
SIGNUPS="${SIGNUPS:-20}"
WARMUP="${WARMUP:-5}"
PORT="${PORT:-8098}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9098}"
DATA="target/bench-commit"
BASE="http://localhost:$PORT"
READY="http://localhost:$MANAGEMENT_PORT/q/health/ready"
KEY="UY4UO+SHyzE6DtNi6UG20BfA4t501mEPxwi225s3VRQ=" # a bench key, never a secret

if [ "${BUILD:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -B package -DskipTests
fi
H2_JAR="$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -1)"

echo "== H2 alone: $COMMITS commits, $RUNS runs each (load: $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$H2_JAR" bench/CommitCost.java "$DATA/h2" "$COMMITS" "$RUNS"

PORTAL=""
trap '[ -n "$PORTAL" ] && kill "$PORTAL" 2>/dev/null; wait 2>/dev/null || true' EXIT

signups() { # $1: label, $2: JDBC URL
  rm -rf "$DATA/portal" && mkdir -p "$DATA/portal"
  (cd "$DATA/portal" && exec java -Xmx1g \
    -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" -Dportal.base-url="$BASE" -Dportal.token-encryption-key="$KEY" \
    -Dquarkus.datasource.jdbc.url="$2" -Dquarkus.log.level=WARN \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > portal.log 2>&1) &
  PORTAL=$!
  for _ in $(seq 1 120); do
    curl -sf "$READY" > /dev/null && break
    kill -0 "$PORTAL" 2>/dev/null || break
    sleep 1
  done
  curl -sf "$READY" > /dev/null || { echo "The portal did not start; see $DATA/portal/portal.log" >&2; exit 1; }
  one() {
    local jar="$DATA/portal/cookies-$1.txt" token
    token="$(curl -s -c "$jar" "$BASE/signup" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)"
    curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{http_code} %{time_total}\n' \
      --data-urlencode "csrf-token=$token" --data-urlencode "email=bench-$1@example.com" \
      --data-urlencode "password=bench password 12345" --data-urlencode "companyName=Bench $1" "$BASE/signup"
  }
  for i in $(seq 1 "$WARMUP"); do one "warm-$i" > /dev/null; done
  START="$(date +%s.%N)"
  TIMES="$(for i in $(seq 1 "$SIGNUPS"); do one "$i"; done)"
  END="$(date +%s.%N)"
  if echo "$TIMES" | grep -qv '^303 '; then echo "A sign-up failed:" >&2; echo "$TIMES" | grep -v '^303 ' >&2; exit 1; fi
  echo "$TIMES" | awk '{ print $2 * 1000 }' | sort -n | awk -v label="$1" -v n="$SIGNUPS" -v s="$(echo "$END - $START" | bc)" '
    { t[NR] = $1 }
    END {
      median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%-30s %-12.1f %-12.1f %-10.2f\n", label, median, t[int(NR * 0.95 + 0.999999)], n / s
    }'
  kill "$PORTAL"; wait "$PORTAL" 2>/dev/null || true; PORTAL=""
}

echo
echo "== The portal: $SIGNUPS sign-ups after $WARMUP (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-30s %-12s %-12s %-10s\n' "URL settings" "median_ms" "p95_ms" "signups/s"
signups "default (WRITE_DELAY 500)" "jdbc:h2:file:./data/portal;DB_CLOSE_ON_EXIT=FALSE"
signups "WRITE_DELAY=0 (shipped)" "jdbc:h2:file:./data/portal;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
