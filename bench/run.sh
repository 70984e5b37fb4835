#!/usr/bin/env bash
# One benchmark run with Gatling (bench/pom.xml) against the embedded platform or the real stack,
# plus what each process spent: CPU milliseconds per completed order (from /proc/<pid>/stat before
# and after the run) and peak resident memory (VmHWM). Prints a JSON summary; the Gatling HTML
# report is under bench/target/gatling/.
#
#   bench/run.sh embedded [gatling settings]   boots embedded/target/embedded-*-exec.jar (or
#                                              BENCH_EMBEDDED_JAR) on spare ports
#   bench/run.sh stack    [gatling settings]   against a running `scripts/stack.sh up`
#
# Gatling settings: -Dworkload=open -Drate=20 | -Dworkload=closed -Dusers=16, -Dduration=60.
# BENCH_WARMUP=S (default 20): first the same workload for S seconds, not measured (JIT, caches,
# connection pools), like CeilingRun's own warm-up; 0 skips it.
# The embedded platform's simulated carrier reports pick-up and delivery right after booking here
# (ORDERFLOW_DELIVERY_CARRIER_EVENTS_DELAY, default 0s in this script, 1s in the product): a
# closed workload's throughput is its clients divided by the order's latency, and a carrier's
# delay would bound it whatever the platform costs. The stack runs with the stack's settings.
# BENCH_CEILING=1: afterwards, the bare-Temporal ceiling (CeilingRun) with as many clients and for as
# long, against the same Temporal server, while the platform still runs; the summary then names
# both and their ratio.
# Build first: mvn -B -DskipTests package (the embedded jar, or the stack's jars).
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:?usage: bench/run.sh embedded|stack [-Dworkload=open -Drate=N | -Dworkload=closed -Dusers=N] [-Dduration=S]}"
shift
declare -A pids=()

case "$target" in
  embedded)
    base=19080
    jar="${BENCH_EMBEDDED_JAR:-$(ls embedded/target/embedded-*-exec.jar)}"
    # The platform's own log, kept for a look after the run (overwritten by the next one).
    mkdir -p bench/target
    log=bench/target/embedded-platform.log
    ORDERFLOW_EMBEDDED_TEMPORAL_PORT=$((base + 153)) ORDERFLOW_EMBEDDED_GATEWAY_PORT=$base \
    ORDERFLOW_EMBEDDED_STOCK_PORT=$((base + 1)) ORDERFLOW_EMBEDDED_PAYMENT_PORT=$((base + 2)) \
    ORDERFLOW_EMBEDDED_DELIVERY_PORT=$((base + 3)) ORDERFLOW_EMBEDDED_CHECKOUT_PORT=$((base + 4)) \
    ORDERFLOW_EMBEDDED_IDENTITY_PORT=$((base + 5)) ORDERFLOW_EMBEDDED_WEB_PORT=$((base + 6)) \
    ORDERFLOW_DELIVERY_CARRIER_EVENTS_DELAY="${ORDERFLOW_DELIVERY_CARRIER_EVENTS_DELAY:-0s}" \
      java ${JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
    pid=$!
    trap 'status=$?; kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; exit $status' EXIT
    until curl -sf "http://127.0.0.1:$base/actuator/health/readiness" >/dev/null; do
      kill -0 $pid 2>/dev/null || { tail -40 "$log"; exit 1; }
      sleep 0.5
    done
    pids[embedded]=$pid
    urls=(-DbaseUrl="http://127.0.0.1:$base" -Dissuer="http://127.0.0.1:$((base + 5))")
    temporal="127.0.0.1:$((base + 153))"
    ;;
  stack)
    run="${ORDERFLOW_STACK_DIR:-.run/stack}"
    for part in gateway checkout stock payment delivery mariadb; do
      [ -f "$run/$part.pid" ] || { echo "bench: $part is not running: scripts/stack.sh up" >&2; exit 1; }
      pids[$part]=$(cat "$run/$part.pid")
    done
    # The production Temporal server: each of its services and its PostgreSQL apart; the dev
    # server: its one process. Second replicas (scale-out) are counted too when they run.
    for part in temporal temporal-frontend temporal-history temporal-matching temporal-worker postgres \
        gateway2 stock2 payment2 delivery2 checkout2; do
      [ -f "$run/$part.pid" ] && pids[$part]=$(cat "$run/$part.pid")
    done
    [ -n "${pids[temporal]:-}${pids[temporal-frontend]:-}" ] || { echo "bench: Temporal is not running: scripts/stack.sh up" >&2; exit 1; }
    urls=()
    temporal="127.0.0.1:7233"
    # Counting closed workflows and their history lengths asks the server's visibility store.
    BENCH_TEMPORAL_CLI="$(scripts/stack/install-temporal-cli.sh)"
    export BENCH_TEMPORAL_CLI BENCH_TEMPORAL_ADDRESS="$temporal"
    ;;
  *) echo "bench: unknown target '$target' (embedded or stack)" >&2; exit 2 ;;
esac

# CPU of a process and its children, in clock ticks: its utime + stime and its reaped children's
# (fields 14-17 of /proc/<pid>/stat) plus its live children's. The children matter for PostgreSQL,
# which works in one backend process per connection under the postmaster.
cpu_ticks() {
  local own children=0 child
  own=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat")
  for child in $(cat "/proc/$1/task/"*/children 2>/dev/null); do
    children=$((children + $(awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo $((own + children))
}

if [ "${BENCH_WARMUP:-20}" -gt 0 ]; then
  mvn -B -q -f bench/pom.xml gatling:test "${urls[@]}" "$@" -Dduration="${BENCH_WARMUP:-20}" >/dev/null 2>&1 \
    || echo "bench: the warm-up had failures" >&2
fi

# The production server's visibility and history-store writes (its history service's metrics)
# around each measured phase; temporal_counters.py adds the closed workflows' history lengths.
history_metrics=""
[ -n "${pids[temporal-history]:-}" ] && history_metrics="http://127.0.0.1:7272/metrics"
counters() { [ -z "$history_metrics" ] || python3 bench/temporal_counters.py snapshot "$history_metrics" >"$1"; }
scratch=$(mktemp -d)

declare -A before=()
for part in "${!pids[@]}"; do before[$part]=$(cpu_ticks "${pids[$part]}"); done
counters "$scratch/temporal-before.json"
status=0
mvn -B -q -f bench/pom.xml gatling:test "${urls[@]}" "$@" >&2 || status=$?
counters "$scratch/temporal-after.json"

report=$(ls -td bench/target/gatling/checkoutsimulation-* | head -n 1)
mv "$scratch"/*.json "$report/" 2>/dev/null || true
# {"<part>": {"cpu_ticks": spent since the snapshot, "peak_rss_kib": VmHWM}, ...} for the parts of
# the snapshot named by $1 (an associative array part -> ticks).
processes_json() {
  local -n since="$1"
  local part first=true
  for part in "${!since[@]}"; do
    $first || echo ","
    first=false
    echo "\"$part\": {\"cpu_ticks\": $(($(cpu_ticks "${pids[$part]}") - ${since[$part]})), \"peak_rss_kib\": $(awk '/VmHWM/ {print $2}' "/proc/${pids[$part]}/status")}"
  done
}
echo "{\"report\": \"$report/index.html\", \"clk_tck\": $(getconf CLK_TCK), \"processes\": {$(processes_json before)}}" \
  >"$report/measured.json"

if [ "${BENCH_CEILING:-0}" = 1 ]; then
  # What the Temporal server's processes spent while the ceiling ran, to set its CPU per workflow
  # beside the checkout's.
  declare -A ceiling_before=()
  for part in "${!pids[@]}"; do
    case "$part" in temporal*|postgres) ceiling_before[$part]=$(cpu_ticks "${pids[$part]}") ;; esac
  done
  counters "$report/ceiling-temporal-before.json"
  # CeilingRun prints one JSON line; Maven's own output goes to stderr.
  mvn -B -q -f bench/pom.xml exec:java -Dtemporal="$temporal" "$@" \
    | sed 's/\x1b\[[0-9;]*m//g' | grep '^{' >"$report/ceiling.json" || status=$?
  counters "$report/ceiling-temporal-after.json"
  echo "{\"processes\": {$(processes_json ceiling_before)}}" >"$report/ceiling-measured.json"
fi
python3 bench/summary.py "$report/index.html" "$report/measured.json" "$report/ceiling.json"
exit "$status"
