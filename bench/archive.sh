# Sourced by bench/start-archive.sh and bench/pages.sh: the start-up archive of the package at $JAR for the java on
# the PATH, and the JVM options that write it (RECORD_OPTION) and use it (USE_OPTION). Java 17-24 archive with
# AppCDS (app-cds.jsa), Java 25 and later with Leyden's AOT cache (app.aot).
JAVA_FEATURE="$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')"
if [ "$JAVA_FEATURE" -ge 25 ]; then
  ARCHIVE="$(dirname "$JAR")/app.aot"
  RECORD_OPTION="-XX:AOTCacheOutput=$ARCHIVE"
  USE_OPTION="-XX:AOTCache=$ARCHIVE"
else
  ARCHIVE="$(dirname "$JAR")/app-cds.jsa"
  RECORD_OPTION="-XX:ArchiveClassesAtExit=$ARCHIVE"
  USE_OPTION="-XX:SharedArchiveFile=$ARCHIVE"
fi
