# Shared by bench/run.sh and bench/startup.sh, which source it after changing to the
# repository root: the JDKs, the server jar, and starting a server and timing it.
# Sourced, not run.

JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
SERVER_JAR="$PWD/server/target/miniauth-server.jar"
BENCH_JAR="$PWD/bench/target/miniauth-bench.jar"
# The load generator runs on JDK 21+ (virtual threads) when there is one, whatever the server runs on.
GEN_JAVA="$JAVA17"
[[ -x "$JAVA25" ]] && GEN_JAVA="$JAVA25"

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }

# The java of a JDK label: 17 or 25.
java_for() { # $1 label
  case "$1" in
    17) echo "$JAVA17" ;;
    25) echo "$JAVA25" ;;
    *) echo "unknown JDK label $1 (17 or 25)" >&2; return 2 ;;
  esac
}

# Builds the server jar when it is missing or older than any source or pom it is made from,
# so that the commit a report names is the code that ran.
ensure_server_jar() {
  if [[ ! -f "$SERVER_JAR" || -n "$(find server/src/main emulator/src/main pom.xml server/pom.xml emulator/pom.xml \
      -newer "$SERVER_JAR" -print -quit)" ]]; then
    log "building the server jar"
    ./mvnw -q -B -DskipTests package
  fi
}

# Builds this module (LoadGen, JMH) when its jar is missing or older than its sources.
ensure_bench_jar() {
  if [[ ! -f "$BENCH_JAR" || -n "$(find bench/src bench/pom.xml -newer "$BENCH_JAR" -print -quit)" ]]; then
    log "building the bench module"
    ./mvnw -q -f bench/pom.xml package
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Polls /actuator/health every 50 ms until it answers 200. Fails when the process has
# exited or after HEALTH_TIMEOUT s (90 by default); the caller then stops the process and
# shows its log.
wait_healthy() { # $1 pid, $2 base URL
  local deadline=$((SECONDS + ${HEALTH_TIMEOUT:-90}))
  until curl -fs --max-time 5 -o /dev/null "$2/actuator/health"; do
    if ! kill -0 "$1" 2>/dev/null || ((SECONDS > deadline)); then
      return 1
    fi
    sleep 0.05
  done
}

# Seconds, to two decimals, since a `date +%s%N` time.
seconds_since() { # $1 start in ns
  local now; now=$(date +%s%N)
  awk -v a="$1" -v b="$now" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
}

# The X of the log's "Started MiniAuthApplication in X seconds", or nothing.
started_seconds() { # $1 log file
  sed -n '/Started [A-Za-z]* in [0-9.]* seconds/ { s/.*Started [A-Za-z]* in \([0-9.]*\) seconds.*/\1/p; q }' "$1"
}
