#!/usr/bin/env bash
# The property-based contract test: schemathesis generates requests from the gateway's own OpenAPI
# document (/v3/api-docs) and runs ALL its checks on the answers (status codes, headers, content
# types and schemas as documented; valid data accepted, invalid data refused; 401 without a token;
# 405 for undeclared methods; stateful sequences through the links it infers, ...). Any finding fails
# the run. It runs against the built embedded platform (embedded/target/embedded-*-exec.jar), booted
# here on spare loopback ports and always stopped, first as the operator (every scope), then as the
# customer alice (orders:read orders:write: the catalog write is a 403 for her, others' orders 404).
#
#   scripts/contract-test.sh            after: mvn -B install (or -pl embedded -am package)
#
# Environment: ORDERFLOW_CONTRACT_TEST_BASE_PORT (default 31080; the platform takes it and the next
# seven ports), ORDERFLOW_CONTRACT_TEST_SEED (replay a run: its seed is printed), and
# ORDERFLOW_CONTRACT_TEST_EXAMPLES (cases per operation and phase for the operator, default 100).
# Schemathesis lives in a virtualenv in .run/venv (pinned version, installed on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
venv=.run/venv
run=.run/contract-test
base=${ORDERFLOW_CONTRACT_TEST_BASE_PORT:-31080}
examples=${ORDERFLOW_CONTRACT_TEST_EXAMPLES:-100}
gateway_port=$base
identity_port=$((base + 5))
temporal_port=$((base + 6))
web_port=$((base + 7))
api="http://127.0.0.1:$gateway_port"
issuer="http://127.0.0.1:$identity_port"

log() { echo "contract-test: $*" >&2; }

# --- schemathesis, pinned, in a project-local virtualenv -------------------------------------------
if ! "$venv/bin/python" -m pip show schemathesis 2>/dev/null | grep -qx "Version: $SCHEMATHESIS_VERSION"; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

# --- the embedded platform on spare ports ----------------------------------------------------------
jar=$(ls embedded/target/embedded-*-exec.jar 2>/dev/null | head -1)
[ -n "$jar" ] || { log "no embedded/target/embedded-*-exec.jar: build first (mvn -B install)"; exit 1; }
for port in $(seq "$base" "$web_port"); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is taken; set ORDERFLOW_CONTRACT_TEST_BASE_PORT to a free range of 8 ports"
    exit 1
  fi
done
rm -rf "$run/report"
mkdir -p "$run"
ORDERFLOW_EMBEDDED_GATEWAY_PORT=$gateway_port ORDERFLOW_EMBEDDED_STOCK_PORT=$((base + 1)) \
ORDERFLOW_EMBEDDED_PAYMENT_PORT=$((base + 2)) ORDERFLOW_EMBEDDED_DELIVERY_PORT=$((base + 3)) \
ORDERFLOW_EMBEDDED_CHECKOUT_PORT=$((base + 4)) ORDERFLOW_EMBEDDED_IDENTITY_PORT=$identity_port \
ORDERFLOW_EMBEDDED_TEMPORAL_PORT=$temporal_port ORDERFLOW_EMBEDDED_WEB_PORT=$web_port \
  java ${JAVA_OPTS:-} -jar "$jar" >"$run/platform.log" 2>&1 &
platform=$!
stop_platform() {
  kill "$platform" 2>/dev/null || true
  wait "$platform" 2>/dev/null || true
}
trap stop_platform EXIT

log "starting the embedded platform on $api (log: $run/platform.log)"
deadline=$((SECONDS + 240))
until curl -sf -o /dev/null "$api/actuator/health/readiness"; do
  if ! kill -0 "$platform" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    log "the platform did not become ready"; tail -50 "$run/platform.log" >&2; exit 1
  fi
  sleep 1
done

token() { # token <client id> <secret> <scopes>: a client-credentials token from the dev provider
  curl -sf -u "$1:$2" -d grant_type=client_credentials --data-urlencode "scope=$3" "$issuer/oauth2/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

schemathesis() { # schemathesis <name> <bearer token> <cases per operation>
  local name=$1 bearer=$2 cases=$3
  local -a seed=()
  [ -n "${ORDERFLOW_CONTRACT_TEST_SEED:-}" ] && seed=(--seed "$ORDERFLOW_CONTRACT_TEST_SEED")
  log "schemathesis as $name: all checks, up to $cases cases per operation and phase"
  # --rate-limit: the gateway allows 50 requests per second per token subject; 429 with
  # Retry-After is documented and checked, but a flood of them would leave the operations behind
  # the limiter untested, so the client paces itself just below the budget.
  "$venv/bin/st" --config-file scripts/contract-test/schemathesis.toml --no-color run "$api/v3/api-docs" \
    --checks all --max-examples "$cases" "${seed[@]}" \
    --header "Authorization: Bearer $bearer" \
    --rate-limit 40/s --request-timeout 75 \
    --generation-database "$run/examples.db" \
    --report junit --report-dir "$run/report" --report-junit-path "$run/report/$name.xml"
}

status=0
schemathesis operator \
  "$(token operator operator-dev-secret 'orders:read orders:write orders:admin catalog:write')" "$examples" \
  || status=1
schemathesis alice "$(token customer-alice alice-dev-secret 'orders:read orders:write')" \
  "$(( (examples + 1) / 2 ))" || status=1

if [ $status -ne 0 ]; then
  log "FAILED: schemathesis found answers the OpenAPI document does not allow (reports: $run/report)"
  exit 1
fi
log "passed: the gateway answers as its OpenAPI document says"
