#!/usr/bin/env bash
# MiniAuth benchmarks: one command, one machine, a markdown table at the end.
#
#   bench/run.sh [--quick] [--duration S] [--jdks "17 25"] [--no-jmh] [--out FILE]
#   bench/run.sh --vs-egg [options of bench/vs-egg.sh]   side by side with the Egg.js peer
#
# Starts the packaged server jar (built if missing or stale) on a free 127.0.0.1 port with a fresh
# data dir, -Xmx256m and the embedded WeChat emulator, once per JDK, runs the HTTP
# scenarios against it with wrk and the bench module's load generator, then the JMH
# micro-benchmarks. Every run is bounded in time and count and stops by itself; the
# server is stopped on exit. Load goes to 127.0.0.1 only.
#
# Environment: JAVA17 (default: `java` on PATH), JAVA25 (default: Temurin 25 under
# /usr/lib/jvm), LOGIN_CODES (codes minted per login scenario, default 600 x duration).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if [[ "${1:-}" == --vs-egg ]]; then
  shift
  exec bench/vs-egg.sh "$@"
fi
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION=10
WARMUP=3
JDKS="17 25"
RUN_JMH=1
STARTS_N=2
JMH_ARGS=(-f 1 -wi 3 -w 1 -i 3 -r 1)
OUT="$ROOT/bench/target/results.md"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) DURATION=5; WARMUP=2; STARTS_N=1; JMH_ARGS=(-f 1 -wi 1 -w 1 -i 2 -r 1); shift ;;
    --duration) DURATION="$2"; shift 2 ;;
    --jdks) JDKS="$2"; shift 2 ;;
    --no-jmh) RUN_JMH=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

LOGIN_CODES=${LOGIN_CODES:-$((600 * DURATION))}
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------- prerequisites
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
ensure_server_jar
ensure_bench_jar

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_AT_START%% *}" 'BEGIN { exit !(l > 1) }'; then
  log "warning: load average is $LOAD_AT_START; other work on this machine will skew the figures"
fi
WORK=$(mktemp -d /tmp/miniauth-bench.XXXXXX)
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ROWS="$WORK/rows.md"        # scenario rows
STARTS="$WORK/starts.md"    # start-up rows
RAW="$WORK/raw.tsv"         # jdk scenario key=value... for the target checks
: >"$ROWS"; : >"$STARTS"; : >"$RAW"

# ---------------------------------------------------------------- server
start_server() { # $1 label, $2 java
  local label=$1 java=$2
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  local logf="$WORK/server-$label.log"
  local t0; t0=$(date +%s%N)
  "$java" -Xmx256m -jar "$SERVER_JAR" \
    --server.address=127.0.0.1 --server.port="$PORT" \
    --miniauth.data-dir="$WORK/data-$label" \
    --emulator.login-rate-limit-per-minute=0 --miniauth.rate-limit.enabled=false >"$logf" 2>&1 &
  SERVER_PID=$!
  if ! wait_healthy "$SERVER_PID" "$BASE"; then
    log "server did not start; log follows"; cat "$logf" >&2; exit 1 # the EXIT trap stops it
  fi
  local ready started version
  ready=$(seconds_since "$t0")
  started=$(started_seconds "$logf")
  version=$("$java" -version 2>&1 | head -1 | sed 's/"//g')
  # spring.threads.virtual.enabled=true is set in the jar; JDK 17 ignores it
  local threads="platform"
  [[ "$label" != "17" ]] && threads="virtual"
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$version" "$ready" "${started:-?}" "$threads" >>"$STARTS"
  printf '%s\tstartup\tready=%s started=%s\n' "$label" "$ready" "${started:-0}" >>"$RAW"
  log "JDK $label: healthy after ${ready}s (log: Started in ${started:-?}s), pid $SERVER_PID, port $PORT"
}

# ---------------------------------------------------------------- measuring
proc_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$SERVER_PID/stat"; }
# whole machine: busy and total jiffies (all cores) from /proc/stat
machine_jiffies() { awk 'NR == 1 { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }
proc_status() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER_PID/status"; }

# wrk scenario: the server's CPU and peak RSS are taken around wrk itself.
run_wrk() { # $1 conns, $2 seconds, rest: script args
  local conns=$1 secs=$2; shift 2
  echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
  local c0 t0 c1 t1 out
  local m0 m1
  c0=$(proc_ticks); t0=$(date +%s%N); m0=$(machine_jiffies)
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s -s bench/wrk/rotate.lua "$BASE" -- "$@" | grep '^RESULT')
  t1=$(date +%s%N); c1=$(proc_ticks); m1=$(machine_jiffies)
  local cpu machine
  cpu=$(awk -v c="$((c1 - c0))" -v h="$CLK_TCK" -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", 100*c/h/((b-a)/1e9)}')
  machine=$(awk -v a="$m0" -v b="$m1" -v n="$(nproc)" 'BEGIN{split(a, x, " "); split(b, y, " "); printf "%.0f", 100*n*(y[1]-x[1])/(y[2]-x[2])}')
  echo "$out cpu=$cpu rss_mb=$(($(proc_status VmHWM) / 1024)) threads=$(proc_status Threads) machine=$machine"
}

run_gen() { # mode and options for LoadGen
  "$GEN_JAVA" -cp "$BENCH_JAR" io.miniauth.bench.LoadGen "$@" --base "$BASE" --pid "$SERVER_PID" --clk-tck "$CLK_TCK" \
    2>>"$WORK/loadgen.log" | { grep -E '^(RESULT|ERRORS)' || true; } | paste -sd' '
}

field() { grep -o "\b$1=[^ ]*" <<<"$2" | head -1 | cut -d= -f2-; }

record() { # $1 jdk, $2 scenario, $3 clients, $4 result line
  local r=$4
  local n secs rps
  n=$(field requests "$r"); secs=$(field seconds "$r")
  rps=$(awk -v n="$n" -v s="$secs" 'BEGIN{ if (s > 0) printf "%.0f", n/s; else print 0 }')
  local errs; errs=$(field errors "$r")
  local detail; detail=$(grep -o 'ERRORS.*' <<<"$r" | sed 's/^ERRORS //' || true)
  local note; note=$(field note "$r")
  [[ -n "$detail" ]] && errs="$errs ($detail)"
  case "$note" in
    "" | -) ;;
    # the clients stopped before the deadline: fewer requests, and no longer a full-length run
    codes-exhausted) errs="$errs (ran out of login codes after $secs s; raise LOGIN_CODES)" ;;
    *) errs="$errs ($note)" ;;
  esac
  local cpu_per_req # server CPU milliseconds per request: steadier than req/s on a shared machine
  cpu_per_req=$(awk -v c="$(field cpu "$r")" -v q="$rps" 'BEGIN{ if (q > 0) printf "%.2f", 10 * c / q; else print "-" }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$1" "$2" "$3" "$n" "$rps" "$(field p50 "$r")" "$(field p99 "$r")" "$(field p999 "$r")" \
    "$errs" "$(field cpu "$r")" "$cpu_per_req" "$(field machine "$r")" "$(field rss_mb "$r")" "$(field threads "$r")" >>"$ROWS"
  printf '%s\t%s\trps=%s %s\n' "$1" "$2" "$rps" "$r" >>"$RAW"
  log "$1 $2: $rps req/s, p99 $(field p99 "$r") ms, errors $errs"
}

set_latency() { # $1 ms
  curl -fs -o /dev/null -X PUT "$BASE/emulator/faults" -H 'Content-Type: application/json' \
    -d "{\"endpoints\":{\"jscode2session\":{\"latencyMs\":$1}}}"
}

# ---------------------------------------------------------------- scenarios
run_jdk() { # $1 label, $2 java
  local jdk=$1
  start_server "$jdk" "$2"

  log "JDK $jdk: minting 1000 users' tokens for /user/me"
  run_gen tokens --users 1000 --out "$WORK/tokens-$jdk.txt" >/dev/null
  log "JDK $jdk: warm-up (${WARMUP}s per path)"
  run_wrk 64 "$WARMUP" health >/dev/null
  run_wrk 64 "$WARMUP" me "$WORK/tokens-$jdk.txt" >/dev/null
  run_gen login --concurrency 50 --duration "$WARMUP" --max 1500 --prefix "warm-$jdk" >/dev/null
  run_gen refresh --concurrency 64 --duration "$WARMUP" --prefix "warmr-$jdk" >/dev/null

  record "$jdk" "1 GET /actuator/health" 64 "$(run_wrk 64 "$DURATION" health)"
  record "$jdk" "2 GET /user/me (1000 users)" 64 "$(run_wrk 64 "$DURATION" me "$WORK/tokens-$jdk.txt")"
  for ms in 0 50; do
    set_latency "$ms"
    for kind in new returning; do
      record "$jdk" "3 POST /user/login, WeChat ${ms} ms, $kind users" 200 \
        "$(run_gen login --concurrency 200 --duration "$DURATION" --max "$LOGIN_CODES" --kind "$kind" --pool 500 --prefix "$kind-$ms-$jdk")"
    done
  done
  curl -fs -o /dev/null -X DELETE "$BASE/emulator/faults"
  record "$jdk" "4 POST /user/token/refresh (chained)" 64 \
    "$(run_gen refresh --concurrency 64 --duration "$DURATION" --prefix "refresh-$jdk")"

  local jcmd; jcmd="$(dirname "$2")/jcmd"
  if [[ -x "$jcmd" ]]; then
    "$jcmd" "$SERVER_PID" GC.heap_info >"$WORK/heap-$jdk.txt" 2>/dev/null || true
  fi
  printf '%s\tend\trss_total_peak_mb=%s\n' "$jdk" "$(($(proc_status VmHWM) / 1024))" >>"$RAW"
  stop_server
}

for jdk in $JDKS; do
  java=$(java_for "$jdk") || exit 2
  [[ -x "$java" ]] || { log "no JDK $jdk at $java, skipped"; continue; }
  run_jdk "$jdk" "$java"
done

# ---------------------------------------------------------------- JMH
JMH_ROWS="$WORK/jmh.md"; : >"$JMH_ROWS"
if ((RUN_JMH)); then
  for jdk in $JDKS; do
    java=$(java_for "$jdk")
    [[ -x "$java" ]] || continue
    log "JMH on JDK $jdk"
    "$java" -jar "$BENCH_JAR" "${JMH_ARGS[@]}" -rf csv -rff "$WORK/jmh-$jdk.csv" >"$WORK/jmh-$jdk.log" 2>&1
    # JMH ends its CSV lines with \r\n; a \r left in the Unit cell would break the table row
    tail -n +2 "$WORK/jmh-$jdk.csv" | tr -d '"\r' | awk -F, -v j="$jdk" \
      '{ sub(/.*\./, "", $1); printf "| %s | %s | %.2f | %.2f | %s |\n", j, $1, $5, $6, $7 }' >>"$JMH_ROWS"
  done
fi

# ---------------------------------------------------------------- start-up, repeated, with and without CDS
log "start-up: $STARTS_N start(s) per JDK and variant"
JDKS="$JDKS" JAVA17="$JAVA17" JAVA25="$JAVA25" bench/startup.sh "$STARTS_N" >"$WORK/startup-cds.md" 2>>"$WORK/startup.log" || true

# ---------------------------------------------------------------- report
commit_label() { # the commit the server jar was built from, and whether its sources differ from it
  local c
  c=$(git rev-parse --short HEAD 2>/dev/null) || { echo '?'; return; }
  git diff --quiet HEAD -- server/src/main emulator/src/main pom.xml server/pom.xml emulator/pom.xml ||
    c="$c, with uncommitted changes to the server's sources"
  echo "$c"
}
val() { # jdk scenario-prefix key
  awk -F'\t' -v j="$1" -v s="$2" '$1 == j && index($2, s) == 1 { print $3 }' "$RAW" | head -1 | grep -o "\b$3=[^ ]*" | cut -d= -f2
}
{
  echo "# MiniAuth benchmark results"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(commit_label)"
  echo "- Load average when the run began: $LOAD_AT_START (anything above ~0.5 means other work shared the machine)"
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -h | awk '/Mem:/ {print $2}') RAM"
  echo "- Server: \`java -Xmx256m -jar server/target/miniauth-server.jar\` in demo mode (embedded emulator as WeChat, H2 file DB in a fresh temp dir), 127.0.0.1"
  echo "- Load generators: wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}') (-t2, scenarios 1-2) and bench/LoadGen on $("$GEN_JAVA" -version 2>&1 | head -1 | sed 's/"//g') (scenarios 3-4). **They share the 2 cores with the server.**"
  echo "- ${DURATION}s per scenario after a ${WARMUP}s warm-up per path. Server CPU % is the server process's, over the measured window (200 % = both cores); Machine CPU % is all processes on the machine (server + load generator + anything else running). Peak RSS is VmHWM reset before each scenario."
  echo
  echo "## Start-up (-Xmx256m)"
  echo
  echo "| JDK | java -version | first healthy answer (s, from process start) | log \"Started ... in\" (s) | request threads |"
  echo "|---|---|---|---|---|"
  cat "$STARTS"
  echo
  echo "Repeated starts (\`bench/startup.sh\`), each with a fresh data dir and stopped once healthy; \"fast-start.sh\" is the documented fast start (\`server/fast-start.sh\`: the jar extracted, then an AOT cache on JDK 25, a CDS archive on JDK 17):"
  echo
  cat "$WORK/startup-cds.md"
  echo
  echo "## HTTP scenarios"
  echo
  echo "| JDK | Scenario | Clients | Requests | Req/s | p50 ms | p99 ms | p99.9 ms | Errors | Server CPU % | Server CPU ms/req | Machine CPU % | Peak RSS MB | Threads |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$ROWS"
  if [[ -s "$JMH_ROWS" ]]; then
    echo
    echo "## JMH (average time per operation, one thread)"
    echo
    echo "| JDK | Benchmark | Score | ± (99.9 %) | Unit |"
    echo "|---|---|---|---|---|"
    cat "$JMH_ROWS"
  fi
  echo
  echo "## Targets"
  echo
  echo "| JDK | Target | Measured | Met? |"
  echo "|---|---|---|---|"
  for jdk in $JDKS; do
    h=$(val "$jdk" "1 " rps); m=$(val "$jdk" "2 " rps); mp99=$(val "$jdk" "2 " p99)
    [[ -z "$h" ]] && continue
    awk -v j="$jdk" -v h="$h" -v m="$m" -v p="$mp99" 'BEGIN {
      r = (h > 0) ? 100 * m / h : 0
      printf "| %s | /user/me >= 80%% of health throughput | %.0f%% (%d vs %d req/s) | %s |\n", j, r, m, h, (r >= 80) ? "yes" : "**no**"
      printf "| %s | /user/me p99 < 10 ms at 64 connections | %s ms | %s |\n", j, p, (p < 10) ? "yes" : "**no**" }'
    for kind in new returning; do
      lp=$(val "$jdk" "3 POST /user/login, WeChat 50 ms, $kind" p99); le=$(val "$jdk" "3 POST /user/login, WeChat 50 ms, $kind" errors)
      awk -v j="$jdk" -v p="$lp" -v e="$le" -v k="$kind" 'BEGIN {
        printf "| %s | login, WeChat 50 ms, 200 clients, %s users: p99 <= 65 ms, no errors | p99 %s ms, %d errors | %s |\n", j, k, p, e, (p <= 65 && e == 0) ? "yes" : "**no**" }'
    done
    rd=$(val "$jdk" startup ready); st=$(val "$jdk" startup started)
    awk -v j="$jdk" -v r="$rd" -v s="$st" 'BEGIN {
      printf "| %s | start-up <= 5 s%s | %s s to first healthy answer (log: %s s) | %s |\n", j, (j == 17) ? "" : " (target is for JDK 17)", r, s, (r <= 5) ? "yes" : "**no**" }'
    echo "| $jdk | heap <= 256 MB | -Xmx256m, no OutOfMemoryError: $(grep -c OutOfMemoryError "$WORK/server-$jdk.log" 2>/dev/null || true) in the log; process peak RSS $(val "$jdk" end rss_total_peak_mb) MB | $([[ $(grep -c OutOfMemoryError "$WORK/server-$jdk.log" 2>/dev/null || true) == 0 ]] && echo yes || echo '**no**') |"
  done
  for jdk in $JDKS; do
    if [[ -s "$WORK/heap-$jdk.txt" ]]; then
      echo
      echo "Heap after the run, JDK $jdk (\`jcmd GC.heap_info\`):"
      echo
      echo '```'
      grep -v "^$SERVER_PID:" "$WORK/heap-$jdk.txt" | grep -v '^[0-9]*:$' | head -8
      echo '```'
    fi
  done
} >"$WORK/report.md"
mkdir -p "$(dirname "$OUT")"
cp "$WORK/report.md" "$OUT"
for jdk in $JDKS; do [[ -f "$WORK/server-$jdk.log" ]] && cp "$WORK/server-$jdk.log" "$(dirname "$OUT")/server-$jdk.log"; done
cat "$OUT"
log "report written to $OUT"
