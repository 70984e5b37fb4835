#!/usr/bin/env bash
# The real stack on this machine, loopback only: MariaDB (three service databases, one
# least-privilege user each), the Temporal dev server with file persistence (headless), the Temporal
# Web UI server (operators log in at the dev identity provider; the UI forwards their token to the
# codec server), and eight separate JVMs from the built jars: the dev identity provider, the codec
# server (https, a self-signed certificate made for this run directory), the four worker roles, the
# gateway and the web pages (storefront and operator console, http://127.0.0.1:8090).
#
#   scripts/stack.sh up                 start everything not yet running; returns once all is ready
#                                       (and registers the search attributes the platform needs,
#                                       also in a run directory made before one of them existed)
#   scripts/stack.sh down               stop what `up` started (pid files), in reverse order
#   scripts/stack.sh status             one line per part
#   scripts/stack.sh logs [part]        tail of one part's log (all parts without an argument)
#   scripts/stack.sh start|stop|kill|restart <part>
#                                       one part; `kill` is kill -9 (the crash tests use it)
#
# Parts: mariadb temporal zipkin identity codec stock payment delivery checkout gateway web temporal-ui, plus
# stock2 (a second stock worker on the same task queue, HTTP port 8091) and checkout2 (a second
# build of the checkout worker, HTTP port 8094: another version of the same Worker Deployment);
# neither is started by `up`, both are stopped by `down`.
#
# Worker Versioning: the checkout worker registers as version ORDERFLOW_STACK_CHECKOUT_BUILD_ID
# (default stack-a) of the Worker Deployment orderflow-checkout, and `start checkout` (so `up` too)
# makes that version current. checkout2 registers as ORDERFLOW_STACK_CHECKOUT2_BUILD_ID (default
# stack-b) and becomes current only when an operator says so:
#   temporal worker deployment set-current-version --deployment-name orderflow-checkout --build-id stack-b
#
# Build the jars first: mvn -B -DskipTests package
# Everything lives under .run/stack/ in the repository (logs, pid files, databases, the codec
# server's certificate: codec/codec.pem, for `temporal --codec-endpoint` as SSL_CERT_FILE).
#
# Environment overrides (all optional):
#   ORDERFLOW_STACK_DIR            run directory (default <repo>/.run/stack)
#   ORDERFLOW_STACK_JAVA_OPTS      JVM options of the eight JVMs (default: small heap, quick start)
#   ORDERFLOW_STACK_READY_TIMEOUT  seconds a part may take to become ready (default 180)
#   ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS  1 (default): the Temporal dev server's SQLite file in
#                                  WAL mode with synchronous=NORMAL (see start_temporal); 0: SQLite's
#                                  defaults (rollback journal, synchronous=FULL), to measure:
#     ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS=0 scripts/stack.sh restart temporal
#   ORDERFLOW_STACK_WORKER_JAR, ORDERFLOW_STACK_GATEWAY_JAR, ORDERFLOW_STACK_IDENTITY_JAR,
#   ORDERFLOW_STACK_CODEC_JAR, ORDERFLOW_STACK_WEB_JAR  jars to run (default: the built ones)
#   ORDERFLOW_STACK_LOADER_PATH    extra classes (a directory or jar) for the JVMs started by this
#                                  call, through Spring Boot's PropertiesLauncher (loader.path): how
#                                  the versioning test gives checkout2 a changed workflow
#   ORDERFLOW_STACK_CHECKOUT_BUILD_ID, ORDERFLOW_STACK_CHECKOUT2_BUILD_ID  build ids (see above)
#   ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID, ORDERFLOW_ENCRYPTION_KEYS_<ID>  rotate the payload key
#   ORDERFLOW_CHECKOUT_DELIVERY_DEADLINE  when a parcel nobody reports on is overdue (default PT30S)
#   ORDERFLOW_PAYMENT_SIMULATOR_LATENCY, ORDERFLOW_PAYMENT_SIMULATOR_TRANSIENT_FAILURE_RATE, and any
#   other Spring setting as an environment variable, reach the JVMs started by this call, e.g.
#     ORDERFLOW_PAYMENT_SIMULATOR_LATENCY=3s scripts/stack.sh restart payment
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
RUN="${ORDERFLOW_STACK_DIR:-$REPO/.run/stack}"
LOGS="$RUN/logs"
READY_TIMEOUT="${ORDERFLOW_STACK_READY_TIMEOUT:-180}"
JAVA_OPTS_DEFAULT="-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
JAVA_OPTS="${ORDERFLOW_STACK_JAVA_OPTS:-$JAVA_OPTS_DEFAULT}"
TEMPORAL_SQLITE_PRAGMAS="${ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS:-1}"

MARIADB_PORT=3307
TEMPORAL_PORT=7233
TEMPORAL_UI_PORT=8233
TEMPORAL_UI="http://127.0.0.1:$TEMPORAL_UI_PORT"
GATEWAY_PORT=8080
GATEWAY_MANAGEMENT_PORT=9080
IDENTITY_PORT=9000
WEB_PORT=8090
WEB_MANAGEMENT_PORT=9090
CODEC_PORT=8085
# Zipkin (trace UI and span intake): every span of every JVM of the stack, all sampled.
ZIPKIN_PORT=9411
ZIPKIN_SPANS="http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans"
ZIPKIN_VERSION=3.5.1
# The dev identity provider; the gateway, the stock service and the codec server trust the tokens
# it issues, and the Web UI logs operators in there.
ISSUER="http://127.0.0.1:$IDENTITY_PORT"
CHECKOUT_DEPLOYMENT=orderflow-checkout
SERVICES=(stock payment delivery)
ALL_PARTS=(mariadb temporal zipkin identity codec stock payment delivery checkout gateway web temporal-ui)
STOP_ORDER=(temporal-ui web gateway checkout2 checkout stock2 stock payment delivery codec identity zipkin temporal mariadb)

log() { echo "stack: $*" >&2; }
die() { echo "stack: error: $*" >&2; exit 1; }

http_port() {
  case "$1" in
    stock) echo 8081 ;; payment) echo 8082 ;; delivery) echo 8083 ;; checkout) echo 8084 ;;
    stock2) echo 8091 ;; checkout2) echo 8094 ;; gateway) echo "$GATEWAY_PORT" ;; identity) echo "$IDENTITY_PORT" ;;
    codec) echo "$CODEC_PORT" ;; web) echo "$WEB_PORT" ;;
    *) die "part '$1' has no HTTP port" ;;
  esac
}

is_part() {
  case "$1" in
    mariadb|temporal|temporal-ui|zipkin|identity|codec|stock|payment|delivery|checkout|gateway|web|stock2|checkout2) return 0 ;;
  esac
  return 1
}

pidfile() { echo "$RUN/$1.pid"; }

# The pid in the part's pid file, if that process is alive AND is ours (its command line names the
# run directory), so a recycled pid never gets signalled.
running_pid() {
  local file pid
  file="$(pidfile "$1")"
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$RUN" || return 1
  echo "$pid"
}

log_tail() {
  local file="$LOGS/$1.log"
  if [ -f "$file" ]; then
    echo "---- last lines of $file ----" >&2
    tail -n "${2:-40}" "$file" >&2
    echo "----" >&2
  fi
}

# Polls a readiness check until it passes, the process dies, or the timeout ends (then fails loudly).
await_ready() {
  local part="$1" deadline=$((SECONDS + READY_TIMEOUT))
  while ! "ready_$(kind "$part")" "$part"; do
    if ! running_pid "$part" >/dev/null; then
      log_tail "$part"
      die "$part exited before it was ready (log: $LOGS/$part.log)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log_tail "$part"
      die "$part not ready within ${READY_TIMEOUT}s (log: $LOGS/$part.log)"
    fi
    sleep 1
  done
  log "$part ready"
}

kind() {
  case "$1" in
    mariadb) echo mariadb ;; temporal) echo temporal ;; temporal-ui) echo temporal_ui ;; codec) echo codec ;;
    zipkin) echo zipkin ;;
    *) echo http ;;
  esac
}

# Starts a command detached from this shell (own session, stdin closed, output to its log).
launch() {
  local part="$1"; shift
  mkdir -p "$LOGS"
  echo "==== $(date -u +%FT%TZ) start $part" >>"$LOGS/$part.log"
  setsid "$@" </dev/null >>"$LOGS/$part.log" 2>&1 &
  echo $! >"$(pidfile "$part")"
}

# ---------------------------------------------------------------- MariaDB

mariadb_sock() { echo "$RUN/mariadb/mariadb.sock"; }

admin_sql() { mariadb --no-defaults --socket="$(mariadb_sock)" -uroot --batch --skip-column-names -e "$1"; }

ready_mariadb() { admin_sql "SELECT 1" >/dev/null 2>&1; }

# Random per-machine passwords, generated once and kept (mode 600) in the run directory.
credentials() {
  local file="$RUN/credentials.env"
  if [ ! -f "$file" ]; then
    mkdir -p "$RUN"
    (
      umask 077
      for user in "${SERVICES[@]}" audit; do
        echo "${user}_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
      done >"$file"
      # The payload encryption key every JVM of this stack shares (32 random bytes, Base64).
      echo "payload_key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >>"$file"
    )
  fi
  # Credentials added after a run directory was first made (e.g. the migration users) are
  # appended, never regenerated, so an existing database keeps working.
  local user
  for user in "${SERVICES[@]}"; do
    grep -q "^${user}_migrator_password=" "$file" \
      || (umask 077; echo "${user}_migrator_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" >>"$file")
  done
  # The secret the simulated carrier signs its webhook events with (delivery worker and gateway).
  grep -q "^carrier_webhook_secret=" "$file" \
    || (umask 077; echo "carrier_webhook_secret=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" >>"$file")
  # shellcheck disable=SC1090
  . "$file"
}

start_mariadb() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] \
    || die "MariaDB is not installed: apt-get install -y mariadb-server (or run scripts/prerequisites.sh)"
  local mariadbd data="$RUN/mariadb/data" fresh=false
  mariadbd="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  if [ ! -d "$data/mysql" ]; then
    fresh=true
    mkdir -p "$data"
    # root may log in only through the socket in the run directory, as the OS user running this.
    mariadb-install-db --no-defaults --datadir="$data" --user="$(id -un)" \
      --auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" \
      --skip-test-db >"$LOGS/mariadb-install.log" 2>&1 \
      || { log_tail mariadb-install; die "mariadb-install-db failed"; }
  fi
  launch mariadb "$mariadbd" --no-defaults --datadir="$data" --socket="$(mariadb_sock)" \
    --pid-file="$RUN/mariadb/mariadbd.pid" --port="$MARIADB_PORT" --bind-address=127.0.0.1 \
    --skip-name-resolve --user="$(id -un)" --innodb-buffer-pool-size=64M \
    --innodb-log-file-size=32M --max-connections=200 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
  await_ready mariadb
  # Every start: the users and grants below are the whole truth (idempotent, and it tightens a
  # database provisioned by an older version of this script).
  provision_mariadb
}

# Least privilege, per service: a runtime user with only SELECT, INSERT, UPDATE on its own
# database (no code path of the services deletes a row: a cancelled or released record keeps its
# row with its new state), and a separate migration user (the schema changes Flyway makes,
# nothing else) that the JVM hands to Flyway alone (spring.flyway.user). Both only from
# 127.0.0.1. Plus a read-only 'audit' user the stack tests use to check the invariants across
# services.
# Every database is utf8mb4 (any Unicode text, emoji included, is stored exactly). ALTER DATABASE
# also changes the default of a database an older version of this script made latin1; the
# services' migrations convert the tables already in it when the JVMs start.
provision_mariadb() {
  credentials
  local sql="" user password
  for user in "${SERVICES[@]}"; do
    password="$(eval echo "\$${user}_password")"
    sql+="CREATE DATABASE IF NOT EXISTS \`$user\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    sql+="ALTER DATABASE \`$user\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    sql+="CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';"
    sql+="REVOKE ALL PRIVILEGES, GRANT OPTION FROM '$user'@'127.0.0.1';"
    sql+="GRANT SELECT, INSERT, UPDATE ON \`$user\`.* TO '$user'@'127.0.0.1';"
    password="$(eval echo "\$${user}_migrator_password")"
    sql+="CREATE USER IF NOT EXISTS '${user}_migrator'@'127.0.0.1' IDENTIFIED BY '$password';"
    sql+="REVOKE ALL PRIVILEGES, GRANT OPTION FROM '${user}_migrator'@'127.0.0.1';"
    sql+="GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON \`$user\`.* TO '${user}_migrator'@'127.0.0.1';"
  done
  sql+="CREATE USER IF NOT EXISTS 'audit'@'127.0.0.1' IDENTIFIED BY '$audit_password';"
  for user in "${SERVICES[@]}"; do
    sql+="GRANT SELECT ON \`$user\`.* TO 'audit'@'127.0.0.1';"
  done
  admin_sql "$sql FLUSH PRIVILEGES;"
  log "mariadb: databases ${SERVICES[*]} with their own users"
}

# ---------------------------------------------------------------- Temporal

temporal_cli() { "$REPO/scripts/stack/install-temporal-cli.sh"; }

ready_temporal() {
  "$TEMPORAL_CLI" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" --command-timeout 3s 2>/dev/null \
    | grep -q SERVING
}

# Headless: the dev server's built-in Web UI has no login, so it could never forward an operator's
# token to the codec server. The stack runs the standalone UI server instead (part temporal-ui).
# Worker Deployments need no switch on this server; the two drainage settings only make it notice
# within seconds (instead of minutes) that a version no longer current has no open workflows left.
#
# SQLite pragmas: with its defaults (rollback journal, synchronous=FULL) SQLite syncs the file
# several times per commit, and the dev server commits on every workflow step, so the disk's flush
# latency caps the whole stack. In WAL mode with synchronous=NORMAL a commit is an append to the
# write-ahead log, synced only at checkpoints. That is safe here: a killed process (the crash tests
# kill -9 this server) loses nothing, because committed transactions are in the log, which the OS
# already holds; only an OS crash or power loss could lose the last commits, and this is a
# development server whose data can be thrown away. ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS=0 starts
# it with SQLite's defaults (to measure the difference; docs/benchmarks.md), named explicitly because
# the journal mode is stored in the database file and would otherwise stay WAL from an earlier start.
start_temporal() {
  local pragmas
  case "$TEMPORAL_SQLITE_PRAGMAS" in
    1) pragmas=(--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal) ;;
    0) pragmas=(--sqlite-pragma journal_mode=delete --sqlite-pragma synchronous=full) ;;
    *) die "ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS must be 1 or 0, not '$TEMPORAL_SQLITE_PRAGMAS'" ;;
  esac
  mkdir -p "$RUN/temporal"
  launch temporal "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --headless \
    --db-filename "$RUN/temporal/temporal.db" --log-level warn "${pragmas[@]}" \
    --dynamic-config-value matching.wv.VersionDrainageStatusVisibilityGracePeriod=5 \
    --dynamic-config-value matching.wv.VersionDrainageStatusRefreshInterval=1
  await_ready temporal
}

# The custom search attributes the workflows keep current, on every start (the server's own
# --search-attribute flags only take effect when its database is created, so a run directory made
# before an attribute was added would lack it). Creating one that exists with the same type is
# accepted; one that exists with another type is refused, and only a fresh run directory helps.
ensure_search_attributes() {
  "$TEMPORAL_CLI" operator search-attribute create --address "127.0.0.1:$TEMPORAL_PORT" --namespace default \
    --name OrderStatus --type Keyword --name CustomerId --type Keyword \
    --name OrderTotalCents --type Int --name NeedsAttention --type Bool >>"$LOGS/temporal.log" 2>&1 \
    || { log_tail temporal 5; die "could not register the search attributes (one with another type? then: $0 down; rm -rf $RUN)"; }
  log "temporal: search attributes OrderStatus, CustomerId, OrderTotalCents, NeedsAttention registered"
}

# ---------------------------------------------------------------- Zipkin

# Zipkin's server is published on Maven Central as an executable jar; Maven fetches it into the
# local repository once and copies it into the run directory. Spans are kept in memory.
ready_zipkin() {
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$ZIPKIN_PORT/health" 2>/dev/null
}

start_zipkin() {
  local dir="$RUN/zipkin" jarfile
  jarfile="$dir/zipkin-server-$ZIPKIN_VERSION-exec.jar"
  if [ ! -f "$jarfile" ]; then
    mkdir -p "$dir"
    mvn -B -q dependency:copy "-Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
      "-DoutputDirectory=$dir" >"$LOGS/zipkin-fetch.log" 2>&1 \
      || { log_tail zipkin-fetch; die "could not fetch io.zipkin:zipkin-server:$ZIPKIN_VERSION:exec with Maven"; }
  fi
  # In-memory storage evicts the oldest traces past max-spans; Zipkin's default (500 000) does not
  # fit the stack's 256 MB heap, and a stack that runs benchmarks for a while would reach it.
  # shellcheck disable=SC2086
  launch zipkin java $JAVA_OPTS "-Dorderflow.stack.run=$RUN" -jar "$jarfile" \
    "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$ZIPKIN_PORT" "--armeria.ports[0].protocols=http" \
    "--zipkin.storage.mem.max-spans=${ORDERFLOW_STACK_ZIPKIN_MAX_SPANS:-100000}"
}

# ---------------------------------------------------------------- Temporal Web UI

ready_temporal_ui() {
  curl -fsS -o /dev/null --max-time 3 "$TEMPORAL_UI/healthz" 2>/dev/null
}

# The UI server, configured by scripts/stack/temporal-ui.yaml (copied into the run directory, so the
# process's command line names it): OIDC login at the dev identity provider, the codec server as
# codec endpoint with the operator's access token. It reads the provider's discovery document when
# it starts, so the identity provider must be up first.
start_temporal_ui() {
  local binary dir="$RUN/temporal-ui"
  binary="$("$REPO/scripts/stack/install-temporal-ui.sh")"
  ready_http identity || die "temporal-ui logs people in at the identity provider, which is not ready: $0 start identity"
  if curl -fsS -o /dev/null --max-time 3 "$TEMPORAL_UI/" 2>/dev/null; then
    die "something already answers on port $TEMPORAL_UI_PORT; if it is the built-in UI of a Temporal dev server started by an older stack.sh: $0 restart temporal"
  fi
  mkdir -p "$dir"
  cp "$REPO/scripts/stack/temporal-ui.yaml" "$dir/temporal-ui.yaml"
  launch temporal-ui env TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" TEMPORAL_UI_PORT="$TEMPORAL_UI_PORT" \
    TEMPORAL_UI_ORIGIN="$TEMPORAL_UI" TEMPORAL_AUTH_PROVIDER_URL="$ISSUER" \
    TEMPORAL_AUTH_CALLBACK_URL="$TEMPORAL_UI/auth/sso/callback" \
    TEMPORAL_CODEC_ENDPOINT="https://127.0.0.1:$CODEC_PORT" \
    "$binary" --root "$dir" --config . --env temporal-ui start
}

# ---------------------------------------------------------------- codec server (https)

# The Web UI forwards the operator's token only to an https:// codec endpoint, so the codec server
# serves TLS with a self-signed certificate for 127.0.0.1, made once per run directory (and again
# when it is close to expiry). Its password is random and stays in the run directory (mode 600).
# codec.pem is the certificate alone: the CLI trusts it through SSL_CERT_FILE.
codec_keystore() {
  local dir="$RUN/codec"
  mkdir -p "$dir" "$LOGS"
  if [ ! -f "$dir/codec.p12" ] || [ ! -f "$dir/keystore.pass" ] || [ -n "$(find "$dir/codec.p12" -mtime +300)" ]; then
    command -v keytool >/dev/null 2>&1 || die "keytool (part of the JDK) is needed to make the codec server's certificate"
    rm -f "$dir/codec.p12" "$dir/codec.pem"
    (umask 077; od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$dir/keystore.pass")
    (umask 077; keytool -genkeypair -alias codec -keyalg RSA -keysize 2048 -validity 365 -dname "CN=127.0.0.1" \
      -ext "SAN=ip:127.0.0.1,dns:localhost" -storetype PKCS12 -keystore "$dir/codec.p12" \
      -storepass "$(cat "$dir/keystore.pass")" >"$LOGS/codec-keytool.log" 2>&1) \
      || { log_tail codec-keytool; die "keytool could not make the codec server's certificate"; }
    keytool -exportcert -rfc -alias codec -keystore "$dir/codec.p12" -storepass "$(cat "$dir/keystore.pass")" \
      >"$dir/codec.pem" 2>>"$LOGS/codec-keytool.log"
    log "codec: a new self-signed certificate for https://127.0.0.1:$CODEC_PORT ($dir/codec.pem)"
  fi
}

ready_codec() {
  curl -fsS -o /dev/null --max-time 3 --cacert "$RUN/codec/codec.pem" \
    "https://127.0.0.1:$CODEC_PORT/actuator/health/readiness" 2>/dev/null
}

# ---------------------------------------------------------------- JVMs

# Gateway, web and workers serve probes and metrics on a management port of their own: the gateway's
# is 9080, the web pages' 9090, a worker's its HTTP port + 1000 (stock 9081, stock2 9091, ...).
# Other JVMs: the HTTP port.
management_port() {
  case "$1" in
    gateway) echo "$GATEWAY_MANAGEMENT_PORT" ;;
    web) echo "$WEB_MANAGEMENT_PORT" ;;
    stock|stock2|payment|delivery|checkout|checkout2) echo $(($(http_port "$1") + 1000)) ;;
    *) http_port "$1" ;;
  esac
}

ready_http() {
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$(management_port "$1")/actuator/health/readiness" 2>/dev/null
}

jar() {
  local pattern="$1" found
  found="$(ls "$REPO"/$pattern 2>/dev/null | head -n 1 || true)"
  [ -n "$found" ] || die "no $pattern: build the jars first with: mvn -B -DskipTests package"
  echo "$found"
}

start_jvm() {
  local part="$1" role="${1%2}" jarfile
  credentials
  local -a env=(SERVER_PORT="$(http_port "$part")" MANAGEMENT_SERVER_PORT="$(management_port "$part")"
    TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
    TEMPORAL_NAMESPACE=default SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI="$ISSUER"
    ORDERFLOW_TRACING_ZIPKIN_ENDPOINT="$ZIPKIN_SPANS"
    ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID="${ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID:-stack}"
    ORDERFLOW_ENCRYPTION_KEYS_STACK="$payload_key")
  # A key rotation adds ORDERFLOW_ENCRYPTION_KEYS_<ID> and names it current in the caller's
  # environment (which the JVMs inherit); the stack's own key stays for reading older payloads.
  if [ "$part" = identity ]; then
    jarfile="${ORDERFLOW_STACK_IDENTITY_JAR:-$(jar 'identity/target/identity-*-exec.jar')}"
    env=(SERVER_PORT="$IDENTITY_PORT" SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER="$ISSUER"
      ORDERFLOW_TRACING_ZIPKIN_ENDPOINT="$ZIPKIN_SPANS")
  elif [ "$part" = codec ]; then
    jarfile="${ORDERFLOW_STACK_CODEC_JAR:-$(jar 'codec-server/target/codec-server-*-exec.jar')}"
    codec_keystore
    env+=(ORDERFLOW_CODEC_SERVER_ALLOWED_ORIGINS="$TEMPORAL_UI"
      SERVER_SSL_KEY_STORE="$RUN/codec/codec.p12" SERVER_SSL_KEY_STORE_TYPE=PKCS12
      SERVER_SSL_KEY_STORE_PASSWORD="$(cat "$RUN/codec/keystore.pass")")
  elif [ "$part" = web ]; then
    # The pages reach the platform through the gateway only, log people in at the identity
    # provider and link each order to the Web UI.
    jarfile="${ORDERFLOW_STACK_WEB_JAR:-$(jar 'web/target/web-*-exec.jar')}"
    env=(SERVER_PORT="$WEB_PORT" MANAGEMENT_SERVER_PORT="$WEB_MANAGEMENT_PORT"
      ORDERFLOW_WEB_GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" ORDERFLOW_WEB_TEMPORAL_UI_URL="$TEMPORAL_UI"
      SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_ORDERFLOW_ISSUER_URI="$ISSUER" ORDERFLOW_TRACING_ZIPKIN_ENDPOINT="$ZIPKIN_SPANS")
  elif [ "$part" = gateway ]; then
    jarfile="${ORDERFLOW_STACK_GATEWAY_JAR:-$(jar 'gateway/target/gateway-*-exec.jar')}"
    env+=(ORDERFLOW_GATEWAY_CATALOG_BASE_URL="http://127.0.0.1:$(http_port stock)"
      ORDERFLOW_CARRIER_WEBHOOK_SECRET="$carrier_webhook_secret")
  else
    jarfile="${ORDERFLOW_STACK_WORKER_JAR:-$(jar 'workers/target/workers-*-exec.jar')}"
    env+=(ORDERFLOW_WORKER_ROLES="$role")
    # The simulated carrier posts its tracking events to the gateway's webhook, signed.
    if [ "$role" = delivery ]; then
      env+=(ORDERFLOW_CARRIER_WEBHOOK_URL="http://127.0.0.1:$(http_port gateway)/api/v1/carrier/events"
        ORDERFLOW_CARRIER_WEBHOOK_SECRET="$carrier_webhook_secret")
    fi
    if [ "$role" = checkout ]; then
      env+=(ORDERFLOW_WORKER_DEPLOYMENT_NAME="$CHECKOUT_DEPLOYMENT" ORDERFLOW_WORKER_DEPLOYMENT_BUILD_ID="$(build_id "$part")"
        # A demo stack: a parcel nobody reports on is overdue after 30 s, not the production 14 days.
        ORDERFLOW_CHECKOUT_DELIVERY_DEADLINE="${ORDERFLOW_CHECKOUT_DELIVERY_DEADLINE:-PT30S}")
    else
      credentials
      # utf8mb4 on the connection too, so 4-byte characters reach the utf8mb4 tables unchanged.
      env+=(SPRING_DATASOURCE_URL="jdbc:mysql://127.0.0.1:$MARIADB_PORT/$role?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
        SPRING_DATASOURCE_USERNAME="$role" SPRING_DATASOURCE_PASSWORD="$(eval echo "\$${role}_password")"
        SPRING_FLYWAY_USER="${role}_migrator" SPRING_FLYWAY_PASSWORD="$(eval echo "\$${role}_migrator_password")")
      # This is a demo stack: the stock service gets the demo catalog (never in production).
      if [ "$role" = stock ]; then
        env+=(SPRING_FLYWAY_LOCATIONS="classpath:db/stock,classpath:db/stock-demo")
      fi
    fi
  fi
  # -Dorderflow.stack.run names the run directory on the command line: running_pid relies on it.
  local -a main=(-jar "$jarfile")
  if [ -n "${ORDERFLOW_STACK_LOADER_PATH:-}" ]; then
    main=("-Dloader.path=$ORDERFLOW_STACK_LOADER_PATH" -cp "$jarfile" org.springframework.boot.loader.launch.PropertiesLauncher)
  fi
  # shellcheck disable=SC2086
  launch "$part" env "${env[@]}" java $JAVA_OPTS "-Dorderflow.stack.run=$RUN" "-Dorderflow.stack.part=$part" \
    "${main[@]}"
  # env(1) execs java, so the pid file holds the JVM's pid.
}

# ---------------------------------------------------------------- Worker Versioning

build_id() {
  case "$1" in
    checkout) echo "${ORDERFLOW_STACK_CHECKOUT_BUILD_ID:-stack-a}" ;;
    checkout2) echo "${ORDERFLOW_STACK_CHECKOUT2_BUILD_ID:-stack-b}" ;;
    *) die "part '$1' is not a checkout worker" ;;
  esac
}

# New orders and carts go to the deployment's current version, so the stack's own checkout worker
# is made current once it polls (its version exists on the server from its first poll on).
make_current() {
  local build tries=0
  build="$(build_id "$1")"
  until "$TEMPORAL_CLI" worker deployment set-current-version --address "127.0.0.1:$TEMPORAL_PORT" \
      --deployment-name "$CHECKOUT_DEPLOYMENT" --build-id "$build" --yes >>"$LOGS/$1.log" 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 30 ] || die "could not make $CHECKOUT_DEPLOYMENT $build the current version (log: $LOGS/$1.log)"
    sleep 1
  done
  log "$1: version $build of $CHECKOUT_DEPLOYMENT is current"
}

# ---------------------------------------------------------------- commands

start_part() {
  local part="$1" pid
  if pid="$(running_pid "$part")"; then
    log "$part already running (pid $pid)"
    return 0
  fi
  case "$part" in
    mariadb) start_mariadb ;;
    temporal) start_temporal ;;
    zipkin) start_zipkin ;;
    temporal-ui) start_temporal_ui ;;
    *) start_jvm "$part" ;;
  esac
}

# Waits for the part (started without waiting) to be ready.
await_part() {
  case "$1" in
    mariadb) ;;  # its start already waited
    temporal) ensure_search_attributes ;;  # its start already waited; also when it was already running
    checkout) await_ready "$1"; make_current "$1" ;;
    *) await_ready "$1" ;;
  esac
}

stop_part() {
  local part="$1" signal="${2:-TERM}" pid waited=0
  pid="$(running_pid "$part")" || { rm -f "$(pidfile "$part")"; return 0; }
  if [ "$signal" = KILL ]; then
    kill -KILL "$pid"
    log "$part killed (kill -9 $pid)"
  else
    kill -TERM "$pid"
    # Workers drain in-flight activities for up to 30 s after SIGTERM; allow that, then force.
    while [ -d "/proc/$pid" ] && [ "$waited" -lt 45 ]; do sleep 1; waited=$((waited + 1)); done
    if [ -d "/proc/$pid" ]; then
      kill -KILL "$pid"
      log "$part did not stop within 45 s: killed"
    else
      log "$part stopped"
    fi
  fi
  while [ -d "/proc/$pid" ]; do sleep 0.2; done
  rm -f "$(pidfile "$part")"
}

cmd_up() {
  mkdir -p "$LOGS"
  start_part mariadb
  start_part temporal
  await_part temporal
  start_part zipkin
  # The JVMs start in parallel (each needs only MariaDB, Temporal and, lazily, the identity
  # provider), then we wait for them all. The Web UI needs the identity provider when it starts.
  local part
  for part in identity codec stock payment delivery checkout gateway web; do start_part "$part"; done
  for part in zipkin identity codec stock payment delivery checkout gateway web; do await_part "$part"; done
  start_part temporal-ui
  await_part temporal-ui
  log "up: shop http://127.0.0.1:$WEB_PORT  gateway http://127.0.0.1:$GATEWAY_PORT/api/v1  identity $ISSUER  Temporal Web UI $TEMPORAL_UI (log in as operator)  codec https://127.0.0.1:$CODEC_PORT  traces (Zipkin) http://127.0.0.1:$ZIPKIN_PORT"
}

cmd_down() {
  local part
  for part in "${STOP_ORDER[@]}"; do stop_part "$part"; done
  log "down"
}

cmd_status() {
  local part pid state all_ready=0
  for part in "${ALL_PARTS[@]}" stock2 checkout2; do
    if pid="$(running_pid "$part")"; then
      if "ready_$(kind "$part")" "$part"; then state="ready"; else state="starting"; all_ready=1; fi
      printf '%-11s %-9s pid %s\n' "$part" "$state" "$pid"
    else
      case "$part" in stock2|checkout2) continue ;; esac
      all_ready=1
      printf '%-11s stopped\n' "$part"
    fi
  done
  return "$all_ready"
}

cmd_logs() {
  if [ $# -gt 0 ]; then
    is_part "$1" || die "unknown part '$1'"
    tail -n "${LINES_TO_SHOW:-100}" "$LOGS/$1.log"
  else
    local part
    for part in "${ALL_PARTS[@]}"; do log_tail "$part" 20 2>&1; done
  fi
}

need_part() {
  [ $# -ge 1 ] && is_part "$1" || die "usage: $0 $CMD <mariadb|temporal|temporal-ui|zipkin|identity|codec|stock|payment|delivery|checkout|gateway|web|stock2|checkout2>"
}

CMD="${1:-}"
shift || true
if [ "$CMD" = up ] || [ "$CMD" = start ] || [ "$CMD" = restart ] || [ "$CMD" = status ]; then
  TEMPORAL_CLI="$(temporal_cli)"
fi
case "$CMD" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  logs) cmd_logs "$@" ;;
  start) need_part "$@"; start_part "$1"; await_part "$1" ;;
  stop) need_part "$@"; stop_part "$1" TERM ;;
  kill) need_part "$@"; stop_part "$1" KILL ;;
  restart) need_part "$@"; stop_part "$1" TERM; start_part "$1"; await_part "$1" ;;
  *) sed -n '2,51p' "$0" | sed 's/^# \{0,1\}//'; [ -z "$CMD" ] || exit 2 ;;
esac
