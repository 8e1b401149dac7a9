#!/usr/bin/env bash
# Start-up only: starts the packaged server N times per JDK (fresh data dir each time,
# -Xmx256m, 127.0.0.1, free port), as a fat jar and with the documented fast start, and
# prints the time to the first healthy answer and the log's "Started ... in" figure.
#
#   bench/startup.sh [N]        (default 3; each start is stopped as soon as it is healthy)
# JDKS="17 25" chooses the JDKs; bench/run.sh calls this script too.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/lib.sh
source bench/lib.sh
N=${1:-3}
ensure_server_jar
WORK=$(mktemp -d /tmp/miniauth-startup.XXXXXX)
PID=""
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# The documented fast start (docs/DEPLOYING.md): server/fast-start.sh extracts the jar and
# records an AOT cache (JDK 25+) or a CDS archive (JDK 17-24) in one training run; FAST_ARGS
# is the start it prints, without the heap settings (one_start adds -Xmx256m).
fast_prepare() { # $1 label, $2 java
  local dir="$WORK/fast-$1"
  JAVA="$2" server/fast-start.sh "$SERVER_JAR" "$dir" >/dev/null
  if [[ -f "$dir/miniauth.aot" ]]; then FAST_ARGS=(-XX:AOTCache="$dir/miniauth.aot"); else FAST_ARGS=(-XX:SharedArchiveFile="$dir/miniauth.jsa"); fi
  FAST_ARGS+=(-jar "$dir/$(basename "$SERVER_JAR")")
}

# Runs in this shell, not a subshell, so that PID is the one the EXIT trap stops.
one_start() { # $1 java, rest: JVM args and -jar JAR; sets READY and STARTED
  local java=$1; shift
  local port; port=$(free_port)
  local data; data=$(mktemp -d "$WORK/data.XXXX")
  local t0; t0=$(date +%s%N)
  "$java" -Xmx256m "$@" --server.address=127.0.0.1 --server.port="$port" --miniauth.data-dir="$data" >"$data.log" 2>&1 &
  PID=$!
  if ! wait_healthy "$PID" "http://127.0.0.1:$port"; then
    echo "start failed" >&2; cat "$data.log" >&2; exit 1
  fi
  READY=$(seconds_since "$t0")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  STARTED=$(started_seconds "$data.log")
}

echo "| JDK | Variant | first healthy answer, s (each start) | log \"Started in\", s (each start) |"
echo "|---|---|---|---|"
for label in ${JDKS:-17 25}; do
  java=$(java_for "$label") || exit 2
  [[ -x "$java" ]] || continue
  fast_prepare "$label" "$java"
  for variant in "fat jar" "fast-start.sh"; do
    ready=(); started=()
    for _ in $(seq 1 "$N"); do
      if [[ $variant == "fat jar" ]]; then
        one_start "$java" -jar "$SERVER_JAR"
      else
        one_start "$java" "${FAST_ARGS[@]}"
      fi
      ready+=("$READY"); started+=("$STARTED")
    done
    echo "| $label | $variant | ${ready[*]} | ${started[*]} |"
  done
done
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
