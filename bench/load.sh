#!/usr/bin/env bash
# Load check of two instances on one PostgreSQL (issue 12, point 7): 200 clients for 60 s over the journey pages
# and the dashboard, each request to the next instance in turn, as a round-robin load balancer sends them.
#
#   bench/load.sh                                   # 200 clients, 60 s, 20 accounts
#   CLIENTS=50 SECONDS_=30 bench/load.sh
#
# Needs a jar built for PostgreSQL (./mvnw package -DskipTests -Ppostgresql, or BUILD=1) and a database the
# benchmark may empty (DB_URL, default jdbc:postgresql://localhost:5432/portal_bench, user/password portal/portal;
# README "Run on PostgreSQL" says how to start one). Prints requests, errors (must be 0), req/s, p50 and p99.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

CLIENTS="${CLIENTS:-200}"
DURATION="${SECONDS_:-60}"
ACCOUNTS="${ACCOUNTS:-20}"
DB_URL="${DB_URL:-jdbc:postgresql://localhost:5432/portal_bench}"
DB_USER="${DB_USER:-portal}"
DB_PASSWORD="${DB_PASSWORD:-portal}"
# A benchmark key, never a secret: the same on both instances, as every instance of one portal needs.
KEY="UY4UO+SHyzE6DtNi6UG20BfA4t501mEPxwi225s3VRQ="
DATA="target/bench-load"

if [ "${BUILD:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -B package -DskipTests -Ppostgresql
fi
PG_JAR="$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)"
# Empty the database, so both instances migrate it from scratch.
cat > "$ROOT/target/EmptyDatabase.java" <<'JAVA'
public class EmptyDatabase {
    public static void main(String[] a) throws Exception {
        try (var db = java.sql.DriverManager.getConnection(a[0], a[1], a[2]); var s = db.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }
}
JAVA
java -cp "$PG_JAR" "$ROOT/target/EmptyDatabase.java" "$DB_URL" "$DB_USER" "$DB_PASSWORD"

rm -rf "$DATA" && mkdir -p "$DATA/a" "$DATA/b"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
start() { # name port management-port
  (cd "$DATA/$1" && exec java -Xmx512m \
    -Dquarkus.http.port="$2" -Dquarkus.management.port="$3" \
    -Dquarkus.datasource.jdbc.url="$DB_URL" -Dquarkus.datasource.username="$DB_USER" \
    -Dquarkus.datasource.password="$DB_PASSWORD" \
    -Dportal.base-url="http://localhost:8181" -Dportal.token-encryption-key="$KEY" \
    -Dquarkus.mailer.mock=true -Dquarkus.log.level=WARN \
    -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > portal.log 2>&1) &
  PIDS+=($!)
}
ready() { # management-port
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$1/q/health/ready" > /dev/null && return 0
    sleep 1
  done
  echo "An instance did not start; see $DATA/*/portal.log" >&2
  exit 1
}
start a 8181 9181
ready 9181
start b 8182 9182
ready 9182

javac -d target/bench-classes bench/HtmlForms.java bench/Load.java
java -cp target/bench-classes Load "$CLIENTS" "$DURATION" "$ACCOUNTS" http://localhost:8181,http://localhost:8182
