#!/usr/bin/env bash
# Prepares MiniAuth for a fast start, once per jar and JDK, and prints the command that
# starts it. It extracts the fat jar (Spring Boot's tools jar mode), then makes one
# training run that starts the application context and exits (-Dspring.context.exit=onRefresh),
# recording what it loaded:
#   - on JDK 25 and newer, an AOT cache (-XX:AOTCacheOutput, then -XX:AOTCache)
#   - on JDK 17 to 24, a CDS archive: the training run lists the classes it loads
#     (-XX:DumpLoadedClassList), -Xshare:dump archives them, then -XX:SharedArchiveFile.
#     Not -XX:ArchiveClassesAtExit: JDK 17.0.15 crashes writing this application's lambda
#     proxies (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), so
#     the list leaves them out and the JVM makes them at start as it would without a cache.
# The cache belongs to this jar and this JDK: make it again after either changes (the JVM
# ignores a cache that does not match, with a warning, and starts normally).
#
#   server/fast-start.sh [JAR] [DIR]      # defaults: server/target/miniauth-server.jar, ./miniauth-app
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java server/fast-start.sh
#
# The training run starts in demo mode on a free loopback port with a throw-away data
# directory, so it touches no real database; only the classes it loads are kept.
set -euo pipefail

JAR=${1:-server/target/miniauth-server.jar}
DIR=${2:-./miniauth-app}
JAVA=${JAVA:-java}

[[ -f "$JAR" ]] || { echo "no jar at $JAR (build it with ./mvnw -q -DskipTests package)" >&2; exit 1; }
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
rm -rf "$DIR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
APP="$DIR/$(basename "$JAR")"
TRAINING_DATA=$(mktemp -d)
trap 'rm -rf "$TRAINING_DATA"' EXIT
TRAIN=(-Dspring.context.exit=onRefresh -jar "$APP" --server.address=127.0.0.1 --server.port=0
  --miniauth.data-dir="$TRAINING_DATA" --spring.datasource.url="jdbc:h2:mem:training")
if ((feature >= 25)); then
  "$JAVA" -XX:AOTCacheOutput="$DIR/miniauth.aot" "${TRAIN[@]}" >"$DIR/training.log" 2>&1
  START="$JAVA -XX:AOTCache=$DIR/miniauth.aot"
else
  "$JAVA" -XX:DumpLoadedClassList="$DIR/miniauth.classlist.all" "${TRAIN[@]}" >"$DIR/training.log" 2>&1
  grep -v -e '@lambda-proxy' -e '@lambda-form-invoker' "$DIR/miniauth.classlist.all" >"$DIR/miniauth.classlist"
  "$JAVA" -Xshare:dump -XX:SharedClassListFile="$DIR/miniauth.classlist" -XX:SharedArchiveFile="$DIR/miniauth.jsa" \
    -jar "$APP" >>"$DIR/training.log" 2>&1
  START="$JAVA -XX:SharedArchiveFile=$DIR/miniauth.jsa"
fi
echo "Start MiniAuth with (add your own -Xmx and settings):"
echo "  $START -Xms256m -Xmx256m -jar $APP"
