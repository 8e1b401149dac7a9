#!/usr/bin/env bash
# MiniAuth side by side with the classic Egg.js login backend (the egg-seed peer), in one
# run, against the same WeChat stand-in (the peer's mock/wx-mock.js), loaded by the same
# wrk and the same Lua script (the peer's lua/bench.lua), and prints the ratio table.
#
#   bench/run.sh --vs-egg [--duration S] [--warmup S] [--jit-warmup S] [--jdks "17 25"] [--conns N]
#                         [--rate R] [--out FILE]
#
# The peer is copied out of shared/peers/egg-seed (EGG_SEED=<dir> to point elsewhere) into
# bench/target/vs-egg/, where it gets its node modules (npm ci) and its private MariaDB
# (Debian's mariadb-server, installed with apt-get when missing, datadir under the copy).
# MiniAuth runs as a user starts it: java -Xmx256m -jar server/target/miniauth-server.jar,
# embedded H2 in a fresh data dir, one configured app whose WeChat base URL is the mock,
# rate limits off (all load comes from one address). Once on JDK 17, once on the newest JDK.
#
# Per server: JIT_WARMUP s of logins and of GET /user/me (as the peer's own bench.sh does);
# then per case: a warm-up of WARMUP s, then DURATION s measured with
# wrk -t1 -c<conns> --latency. Cases: login of new users with the mock at 0 ms, GET /user/me
# with one token, login of new users with the mock at 50 ms; then, with the mock still at
# 50 ms, an open-loop run of bench/LoadGen at a fixed arrival rate (--rate, default 400/s).
# CPU is utime+stime from /proc over the measured window: egg's master, agent and workers
# (not MariaDB's), MiniAuth's one process. Every process started here is stopped by PID.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION=10
WARMUP=5
# once per server, per path. A JVM's JIT takes longer than V8's: after 15 s of logins (about
# 4,000) a profile still found a quarter of the server's CPU in the C2 compiler threads, which is
# a cost of the first minutes after a start, not of a service that runs for days. 45 s brings it
# under a few per cent; --jit-warmup 15 shows the cold figures.
JIT_WARMUP=45
CONNS=64
RATE=400
JDKS="17 25"
OUT="$ROOT/bench/target/vs-egg.md"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --jit-warmup) JIT_WARMUP="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --jdks) JDKS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

CLK_TCK=$(getconf CLK_TCK)
# a start on a busy machine can take minutes
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-300}
SCRATCH="$ROOT/bench/target/vs-egg"
EGG="$SCRATCH/egg-seed"
WORK=$(mktemp -d /tmp/miniauth-vs-egg.XXXXXX)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

# ---------------------------------------------------------------- prerequisites
find_peer() {
  local d
  for d in "${EGG_SEED:-}" "$ROOT/../shared/peers/egg-seed" "$ROOT/../../shared/peers/egg-seed" /work/shared/peers/egg-seed; do
    [[ -n "$d" && -f "$d/bench.sh" ]] && { (cd "$d" && pwd); return; }
  done
  log "no egg-seed peer found: set EGG_SEED to its folder"; return 1
}
PEER=$(find_peer)
if ! command -v wrk >/dev/null || ! command -v mariadbd >/dev/null; then
  log "installing wrk and mariadb-server from Debian's packages"
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk mariadb-server >/dev/null
fi
command -v node >/dev/null && command -v npm >/dev/null || { log "node and npm are needed for the Egg peer"; exit 1; }
mkdir -p "$EGG"
# the peer's files, fresh each run; its node_modules and MariaDB datadir are kept between runs
(cd "$PEER" && tar --exclude=node_modules --exclude=data --exclude=logs --exclude=run --exclude=results -cf - .) |
  (cd "$EGG" && tar -xf -)
chmod -R u+w "$EGG"
if [[ ! -d "$EGG/node_modules/egg" ]]; then
  log "npm ci in $EGG"
  (cd "$EGG" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
ensure_server_jar
ensure_bench_jar

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- processes (stopped by PID)
MOCK_PID=""; EGG_PID=""; EGG_KIDS=""; JAVA_PID=""; DB_STARTED=0
stop_pid() { # pid [seconds]
  local pid=$1 t=${2:-15}
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((t * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_egg() {
  [[ -n "$EGG_PID" ]] || return 0
  stop_pid "$EGG_PID" 20
  local k
  for k in $EGG_KIDS; do
    for _ in $(seq 1 50); do kill -0 "$k" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$k" 2>/dev/null || true
  done
  EGG_PID=""; EGG_KIDS=""
}
stop_db() { if ((DB_STARTED)); then (cd "$EGG" && ./db.sh stop >>"$WORK/db.log" 2>&1) || true; DB_STARTED=0; fi; }
cleanup() {
  stop_egg
  stop_pid "$JAVA_PID"; JAVA_PID=""
  stop_pid "$MOCK_PID" 5; MOCK_PID=""
  stop_db
  mkdir -p "$SCRATCH/logs-$STAMP"; cp "$WORK"/*.log "$WORK"/*.txt "$SCRATCH/logs-$STAMP/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # port seconds
  for _ in $(seq 1 $(($2 * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

MOCK_PORT=$(free_port)
start_mock() { # latency ms
  stop_pid "$MOCK_PID" 5
  MOCK_PORT="$MOCK_PORT" MOCK_LATENCY_MS="$1" node "$EGG/mock/wx-mock.js" >>"$WORK/mock.log" 2>&1 &
  MOCK_PID=$!
  wait_port "$MOCK_PORT" 10 || { log "the mock did not start"; exit 1; }
}

start_egg() {
  if [[ "$(cd "$EGG" && DB_PORT=$DB_PORT ./db.sh status)" != running* ]]; then
    (cd "$EGG" && DB_PORT=$DB_PORT ./db.sh start >>"$WORK/db.log" 2>&1); DB_STARTED=1
  fi
  APP_PORT=$(free_port)
  (cd "$EGG" && EGG_SERVER_ENV=prod NODE_ENV=production EGG_WORKERS="$(nproc)" PORT="$APP_PORT" DB_PORT="$DB_PORT" \
    WX_API_BASE="http://127.0.0.1:$MOCK_PORT" exec node server.js) >"$WORK/egg.log" 2>&1 &
  EGG_PID=$!
  for _ in $(seq 1 900); do
    grep -q 'egg started on' "$WORK/egg.log" 2>/dev/null && break
    kill -0 "$EGG_PID" 2>/dev/null || { log "egg died"; tail -20 "$WORK/egg.log" >&2; exit 1; }
    sleep 0.1
  done
  grep -q 'egg started on' "$WORK/egg.log" || { log "egg not ready in 90 s"; exit 1; }
  EGG_KIDS=$(pgrep -P "$EGG_PID" | tr '\n' ' ')
  BASE="http://127.0.0.1:$APP_PORT"
  PIDS="$EGG_PID $EGG_KIDS"
}

KEK=$(head -c 32 /dev/urandom | base64)
start_miniauth() { # java
  local port; port=$(free_port)
  "$1" -Xmx256m -jar "$SERVER_JAR" --server.address=127.0.0.1 --server.port="$port" \
    --miniauth.data-dir="$WORK/data-$RANDOM" --miniauth.rate-limit.enabled=false \
    --miniauth.apps[0].appid=wx0000000000000000 --miniauth.apps[0].secret=appsecret-for-local-mock \
    --miniauth.wechat.base-url="http://127.0.0.1:$MOCK_PORT" --miniauth.security.key-encryption-key="$KEK" \
    >"$WORK/miniauth-$LABEL.log" 2>&1 &
  JAVA_PID=$!
  BASE="http://127.0.0.1:$port"
  wait_healthy "$JAVA_PID" "$BASE" || { log "MiniAuth did not start"; tail -30 "$WORK/miniauth-$LABEL.log" >&2; exit 1; }
  PIDS="$JAVA_PID"
}

# ---------------------------------------------------------------- measuring
ticks() { local t=0 p; for p in $PIDS; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$p/stat"))); done; echo "$t"; }
machine() { awk 'NR == 1 { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }
rss_mb() { local s=0 p; for p in $PIDS; do [[ -r /proc/$p/status ]] && s=$((s + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status"))); done; echo $((s / 1024)); }

RESULTS="$WORK/results.tsv"; : >"$RESULTS"
lua() { # mode seconds tag [latency-flag] -> RESULT line
  env MODE="$1" RUN_TAG="$3" TOKEN="${TOKEN:-}" wrk -t1 -c"$CONNS" -d"$2s" --timeout 10s ${4:-} \
    -s "$EGG/lua/bench.lua" "$BASE" 2>&1 | grep '^RESULT' || true
}
measure() { # server case mode
  local server=$1 case=$2 mode=$3
  lua "$mode" "$WARMUP" "w-$server-$case-$STAMP" >/dev/null
  local c0 c1 m0 m1 r
  c0=$(ticks); m0=$(machine)
  r=$(lua "$mode" "$DURATION" "m-$server-$case-$STAMP" --latency)
  c1=$(ticks); m1=$(machine)
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $r"; }
  local req rps p50 p99 errs cpu busy
  req=$(field requests); rps=$(field rps); p50=$(field p50_ms); p99=$(field p99_ms)
  errs=$(( $(field non2xx) + $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeout_err) ))
  cpu=$(awk -v c="$((c1 - c0))" -v h="$CLK_TCK" -v n="$req" 'BEGIN { printf "%.2f", (n > 0) ? 1000 * c / h / n : 0 }')
  busy=$(awk -v a="$m0" -v b="$m1" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$case" "$req" "$rps" "$p50" "$p99" "$errs" "$cpu" "$busy" >>"$RESULTS"
  log "$server $case: $rps req/s, p99 $p99 ms, $errs errors, $cpu ms CPU/req, machine ${busy}% busy"
}
open_loop() { # server
  local r
  r=$("$GEN_JAVA" -cp "$BENCH_JAR" io.miniauth.bench.LoadGen open --base "$BASE" --rate "$RATE" --duration "$DURATION" \
    --code-prefix "c-open-$1-$STAMP-" 2>>"$WORK/loadgen.log" | paste -sd' ')
  f() { grep -o "\b$1=[^ ]*" <<<"$r" | head -1 | cut -d= -f2-; }
  local detail; detail=$(grep -o 'ERRORS.*' <<<"$r" | sed 's/^ERRORS //' || true)
  printf '%s\topen\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(f requests)" "$(f seconds)" "$(f p50)" "$(f p99)" "$(f p999)" \
    "$(f errors)${detail:+ ($detail)}" >>"$WORK/open.tsv"
  log "$1 open loop at $RATE/s, mock 50 ms: p50 $(f p50) ms, p99 $(f p99) ms, errors $(f errors) $detail"
}

run_server() { # label (egg or jdk label)
  LABEL=$1
  start_mock 0
  if [[ "$LABEL" == egg ]]; then start_egg; else start_miniauth "$(java_for "$LABEL")"; fi
  local login token
  login=$(curl -fs -X POST -H 'Content-Type: application/json' -d "{\"code\":\"c-me-$LABEL-$STAMP\"}" "$BASE/user/login")
  token=$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' <<<"$login")
  [[ -n "$token" ]] || { log "$LABEL: no token in the login answer: $login"; exit 1; }
  log "$LABEL: up on $BASE; JIT warm-up"
  lua login-new "$JIT_WARMUP" "jit-$LABEL-$STAMP" >/dev/null
  TOKEN=$token lua me "$JIT_WARMUP" "jit" >/dev/null
  measure "$LABEL" login0 login-new
  TOKEN=$token measure "$LABEL" me me
  start_mock 50
  measure "$LABEL" login50 login-new
  open_loop "$LABEL"
  if [[ "$LABEL" == egg ]]; then stop_egg; stop_db; else stop_pid "$JAVA_PID"; JAVA_PID=""; fi
  printf '%s\trss\t%s\n' "$LABEL" "-" >/dev/null
}

DB_PORT=$(free_port)
: >"$WORK/open.tsv"
run_server egg
for jdk in $JDKS; do
  java=$(java_for "$jdk") || exit 2
  [[ -x "$java" ]] || { log "no JDK $jdk at $java, skipped"; continue; }
  run_server "$jdk"
done

# ---------------------------------------------------------------- report
get() { awk -F'\t' -v s="$1" -v c="$2" -v k="$3" '$1 == s && $2 == c { print $k }' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else print "-" }'; }
{
  echo "# MiniAuth vs the Egg.js peer, side by side"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- server/src emulator/src || echo ', with uncommitted changes')"
  echo "- Load average at start: $LOAD_AT_START; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "- Same mock (peer's mock/wx-mock.js), same Lua script (peer's lua/bench.lua), wrk -t1 -c$CONNS, ${WARMUP} s warm-up then ${DURATION} s per case; CPU ms/req is the server's own processes (egg: master, agent, $(nproc) workers; not MariaDB)"
  echo "- Egg: node $(node -v), EGG_SERVER_ENV=prod, MariaDB $(mariadbd --version 2>/dev/null | awk '{print $3}'); MiniAuth: java -Xmx256m -jar, H2 file database"
  echo
  echo "| case | server | req/s | p50 ms | p99 ms | errors | server CPU ms/req | machine busy % | req/s vs Egg | CPU/req vs Egg |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for c in login0 me login50; do
    for s in egg $JDKS; do
      [[ -n "$(get "$s" "$c" 4)" ]] || continue
      name=$([[ $s == egg ]] && echo "Egg peer" || echo "MiniAuth, JDK $s")
      echo "| $c | $name | $(get "$s" "$c" 4) | $(get "$s" "$c" 5) | $(get "$s" "$c" 6) | $(get "$s" "$c" 7) | $(get "$s" "$c" 8) | $(get "$s" "$c" 9) | $(ratio "$(get "$s" "$c" 4)" "$(get egg "$c" 4)") | $(ratio "$(get "$s" "$c" 8)" "$(get egg "$c" 8)") |"
    done
  done
  echo
  echo "Open loop, POST /user/login of new users at $RATE/s for $DURATION s, mock at 50 ms (bench/LoadGen open; latency from when each request was due):"
  echo
  echo "| server | answered | seconds | p50 ms | p99 ms | p99.9 ms | errors |"
  echo "|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", ($1 == "egg") ? "Egg peer" : "MiniAuth, JDK " $1, $3, $4, $5, $6, $7, $8 }' "$WORK/open.tsv"
  echo
  echo "Cases: login0 = POST /user/login, a new user per request, mock 0 ms; me = GET /user/me with one token; login50 = login0 with the mock at 50 ms."
} >"$WORK/report.md"
mkdir -p "$(dirname "$OUT")"
cp "$WORK/report.md" "$OUT"
cat "$OUT"
log "report written to $OUT; logs in $SCRATCH/logs-$STAMP/"
