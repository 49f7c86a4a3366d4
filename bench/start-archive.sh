#!/usr/bin/env bash
# Makes the package start in about half the time (issue 14): a training run of the packaged portal on a throwaway
# database, through its pages as a business goes through them, writing on exit every class it loaded into an archive
# the JVM maps at the next start instead of loading and verifying them again.
#
#   ./mvnw package -DskipTests && bench/start-archive.sh
#   java -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -jar target/quarkus-app/quarkus-run.jar   # Java 17-24
#   java -XX:AOTCache=target/quarkus-app/app.aot -jar target/quarkus-app/quarkus-run.jar                # Java 25+
#
# On Java 17 to 24 it writes a dynamic AppCDS archive (app-cds.jsa); on Java 25 and later, Leyden's AOT cache
# (app.aot, JEP 483 and 515), which also holds the training's method profiles so the JIT starts from them. Why a
# training run and not Quarkus's archive built into the package (-Dquarkus.package.jar.appcds.enabled): that one
# stops before the application starts, so Hibernate's, Flyway's and the pages' classes are still loaded one by one
# at each start; and why the aot-jar package (application.properties): the JVM archives only classes its own class
# loaders load. The archive holds no data, only classes.
#
# Run it with the java and the jar path that production uses: the JVM refuses an archive made by another JDK build
# or for another class path (then it warns and starts without one).
#   JAR=/opt/portal/quarkus-run.jar bench/start-archive.sh      # another place (the archive goes beside it)
# A package built for PostgreSQL (-Ppostgresql) trains on a scratch database given as the portal takes it, never
# production's (the training signs up two accounts):
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost/scratch QUARKUS_DATASOURCE_USERNAME=… \
#   QUARKUS_DATASOURCE_PASSWORD=… PORTAL_TOKEN_ENCRYPTION_KEY=… bench/start-archive.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${JAR:-target/quarkus-app/quarkus-run.jar}"
PORT="${PORT:-8099}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-9099}"
VIEWS="${VIEWS:-200}"
DATA="target/start-archive"
BASE="http://localhost:$PORT"
# New accounts each time, so a scratch database can train twice.
RUN="$(date +%s)"
ADMIN="archive-admin-$RUN@example.com"

[ -f "$JAR" ] || { echo "No package at $JAR: run ./mvnw package -DskipTests first" >&2; exit 1; }
grep -q "Class-Path" <(unzip -p "$JAR" META-INF/MANIFEST.MF) \
  || { echo "$JAR is not an aot-jar package (quarkus.package.jar.type=aot-jar)" >&2; exit 1; }
source bench/archive.sh
rm -f "$ARCHIVE" && rm -rf "$DATA" && mkdir -p "$DATA"
javac -d "$DATA/classes" bench/HtmlForms.java bench/SeedPages.java

# The portal as production starts it (same jar path, same java), its files in $DATA; its own H2 database there unless
# one is given in the environment.
DATABASE=()
[ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ] && DATABASE=(-Dquarkus.datasource.jdbc.url="jdbc:h2:file:$PWD/$DATA/portal;DB_CLOSE_ON_EXIT=FALSE")
java -Xmx512m "$RECORD_OPTION" -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" \
  "${DATABASE[@]}" -Dportal.base-url="$BASE" \
  -Dportal.token-key-file="$DATA/token.key" -Dportal.uploads.dir="$DATA/uploads" \
  -Dportal.monitor.admin-emails="$ADMIN" -Dquarkus.mailer.mock=true -Dquarkus.log.level=WARN \
  -jar "$JAR" > "$DATA/portal.log" 2>&1 &
PORTAL=$!
trap 'kill "$PORTAL" 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/" || true)" = 200 ]; do
  kill -0 "$PORTAL" 2>/dev/null || { echo "The portal did not start; see $DATA/portal.log" >&2; exit 1; }
  sleep 0.1
done

# A business signs up and connects three platforms through the sandbox; an admin signs up.
SEED="$(java -cp "$DATA/classes" SeedPages "$BASE" 3 "archive-$RUN@example.com")"
COOKIE="$(echo "$SEED" | sed -n 1p)"
CONNECTION="$(echo "$SEED" | sed -n 2p)"
ADMIN_COOKIE="$(java -cp "$DATA/classes" SeedPages "$BASE" 0 "$ADMIN" | sed -n 1p)"

# Each page viewed until its code has run often enough to be profiled; what is not viewed here still works, loaded
# at its first view as without an archive.
view() { # path [header]
  local i header=()
  [ -n "${2:-}" ] && header=(-H "$2")
  for i in $(seq "$VIEWS"); do curl -s -o /dev/null --compressed "${header[@]}" "$BASE$1"; done
}
view / && view /login && view /privacy
view /connect/platforms "$COOKIE" && view /connections "$COOKIE" && view "/connections/$CONNECTION" "$COOKIE"
view /monitor "$ADMIN_COOKIE" && view /admin "$ADMIN_COOKIE"

# The archive is written as the JVM exits.
kill "$PORTAL" && wait "$PORTAL" 2>/dev/null || true
trap - EXIT
[ -s "$ARCHIVE" ] || { echo "No archive was written; see $DATA/portal.log" >&2; exit 1; }
echo "Wrote $ARCHIVE: java $USE_OPTION -jar $JAR"
