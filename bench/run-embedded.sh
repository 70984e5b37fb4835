#!/usr/bin/env bash
# Benchmark of the embedded platform (one JVM): boots the built jar on spare loopback ports,
# measures time to ready, runs the checkout load generator, and records the JVM's peak resident
# memory. Prints a JSON report; stops the platform when done.
#
#   bench/run-embedded.sh [--orders N] [--concurrency C]
#
# Build first: mvn -B -DskipTests -pl embedded -am package
set -euo pipefail
cd "$(dirname "$0")/.."

base=19080
jar=$(ls embedded/target/embedded-*-exec.jar)
log=$(mktemp)
started=$(date +%s.%N)
ORDERFLOW_EMBEDDED_TEMPORAL_PORT=$((base + 153)) ORDERFLOW_EMBEDDED_GATEWAY_PORT=$base \
ORDERFLOW_EMBEDDED_STOCK_PORT=$((base + 1)) ORDERFLOW_EMBEDDED_PAYMENT_PORT=$((base + 2)) \
ORDERFLOW_EMBEDDED_DELIVERY_PORT=$((base + 3)) ORDERFLOW_EMBEDDED_CHECKOUT_PORT=$((base + 4)) \
ORDERFLOW_EMBEDDED_IDENTITY_PORT=$((base + 5)) ORDERFLOW_EMBEDDED_WEB_PORT=$((base + 6)) \
  java ${JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT

until curl -sf "http://127.0.0.1:$base/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -40 "$log"; exit 1; }
  sleep 0.2
done
ready=$(python3 -c "import sys; print(float(sys.argv[1]) - float(sys.argv[2]))" "$(date +%s.%N)" "$started")

python3 bench/checkout_load.py --base-url "http://127.0.0.1:$base" --issuer "http://127.0.0.1:$((base + 5))" "$@" >"$log.json" || status=$?
peak_kib=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
python3 - "$log.json" "$ready" "$peak_kib" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
report["time_to_ready_s"] = round(float(sys.argv[2]), 1)
report["peak_rss_mib"] = round(int(sys.argv[3]) / 1024)
print(json.dumps(report, indent=2))
PY
rm -f "$log.json"
exit "${status:-0}"
