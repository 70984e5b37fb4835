#!/usr/bin/env bash
# The real stack on this machine, loopback only: MariaDB (three service databases, one
# least-privilege user each), the production Temporal server (four service processes: frontend,
# history, matching and worker, 4 history shards, on PostgreSQL with SQL advanced visibility, the
# store deploy/temporal/values.yaml names for production) or, with one setting, the Temporal CLI's
# dev server; the Temporal Web UI server (operators log in at the dev identity provider; the UI
# forwards their token to the codec server), and separate JVMs from the built jars: the dev identity
# provider, the codec server (https, a self-signed certificate made for this run directory), the
# four worker roles, the gateway and the web pages (storefront and operator console,
# http://127.0.0.1:8090).
#
#   scripts/stack.sh up                 start everything not yet running; returns once all is ready
#                                       (and registers the namespace and search attributes the
#                                       platform needs, also in a run directory made before one of
#                                       them existed)
#   scripts/stack.sh scale-out          a second gateway (http://127.0.0.1:8088) and a second
#                                       replica of every worker role, side by side with the first
#   scripts/stack.sh scale-in           stops what scale-out started
#   scripts/stack.sh down               stop what `up` and `scale-out` started (pid files), in reverse order
#   scripts/stack.sh status             one line per part
#   scripts/stack.sh logs [part]        tail of one part's log (all parts without an argument)
#   scripts/stack.sh start|stop|kill|restart <part>
#                                       one part; `kill` is kill -9 (the crash tests use it)
#
# Parts: mariadb postgres temporal zipkin identity codec stock payment delivery checkout gateway web
# temporal-ui; the Temporal server's own processes temporal-frontend, temporal-history,
# temporal-matching and temporal-worker (part `temporal` is all four of them, or the dev server);
# the second replicas gateway2 stock2 payment2 delivery2 checkout2 (scale-out); and checkout-next
# (another build of the checkout worker, HTTP port 8094: another version of the same Worker
# Deployment), which only the versioning tests start. `down` stops them all.
#
# Worker Versioning: the checkout worker (and its replica checkout2) registers as version
# ORDERFLOW_STACK_CHECKOUT_BUILD_ID of the Worker Deployment orderflow-checkout, by default the build
# id the Kubernetes manifests deploy (deploy/k8s/base/workers/checkout/versions/), and `start
# checkout` (so `up` too) makes that version current. checkout-next registers as
# ORDERFLOW_STACK_CHECKOUT_NEXT_BUILD_ID (default stack-b) and becomes current only when an operator
# says so:
#   temporal worker deployment set-current-version --deployment-name orderflow-checkout --build-id stack-b
#
# Build the jars first: mvn -B -DskipTests package
# Everything lives under .run/stack/ in the repository (logs, pid files, databases, the codec
# server's certificate: codec/codec.pem, for `temporal --codec-endpoint` as SSL_CERT_FILE). Run as
# root, PostgreSQL (which refuses to run as root) runs as the OS user postgres with its data under
# /var/tmp/orderflow-postgres<run directory>.
#
# Environment overrides (all optional):
#   ORDERFLOW_STACK_TEMPORAL       server (default): the production Temporal server on PostgreSQL;
#                                  dev: the Temporal CLI's dev server (one process, SQLite file), a
#                                  quicker start on a laptop. One run directory holds either; switch
#                                  with `down` first.
#   ORDERFLOW_STACK_DIR            run directory (default <repo>/.run/stack)
#   ORDERFLOW_STACK_JAVA_OPTS      JVM options of the JVMs (default: small heap, quick start)
#   ORDERFLOW_STACK_READY_TIMEOUT  seconds a part may take to become ready (default 180)
#   ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS  dev server only. 1 (default): its SQLite file in
#                                  WAL mode with synchronous=NORMAL (see start_temporal_dev); 0:
#                                  SQLite's defaults (rollback journal, synchronous=FULL), to measure:
#     ORDERFLOW_STACK_TEMPORAL=dev ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS=0 scripts/stack.sh restart temporal
#   ORDERFLOW_STACK_WORKER_JAR, ORDERFLOW_STACK_GATEWAY_JAR, ORDERFLOW_STACK_IDENTITY_JAR,
#   ORDERFLOW_STACK_CODEC_JAR, ORDERFLOW_STACK_WEB_JAR  jars to run (default: the built ones)
#   ORDERFLOW_STACK_LOADER_PATH    extra classes (a directory or jar) for the JVMs started by this
#                                  call, through Spring Boot's PropertiesLauncher (loader.path): how
#                                  the versioning test gives checkout-next a changed workflow
#   ORDERFLOW_STACK_CHECKOUT_BUILD_ID, ORDERFLOW_STACK_CHECKOUT_NEXT_BUILD_ID  build ids (see above)
#   ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID, ORDERFLOW_ENCRYPTION_KEYS_<ID>  rotate the payload key
#   ORDERFLOW_CHECKOUT_DELIVERY_DEADLINE  when a parcel nobody reports on is overdue (default PT30S)
#   ORDERFLOW_PAYMENT_SIMULATOR_LATENCY, ORDERFLOW_PAYMENT_SIMULATOR_TRANSIENT_FAILURE_RATE, and any
#   other Spring setting as an environment variable, reach the JVMs started by this call, e.g.
#     ORDERFLOW_PAYMENT_SIMULATOR_LATENCY=3s scripts/stack.sh restart payment
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
RUN="${ORDERFLOW_STACK_DIR:-$REPO/.run/stack}"
# Absolute, whatever the caller gave: the processes it starts run in other directories.
case "$RUN" in /*) ;; *) RUN="$PWD/$RUN" ;; esac
LOGS="$RUN/logs"
READY_TIMEOUT="${ORDERFLOW_STACK_READY_TIMEOUT:-180}"
JAVA_OPTS_DEFAULT="-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
JAVA_OPTS="${ORDERFLOW_STACK_JAVA_OPTS:-$JAVA_OPTS_DEFAULT}"
TEMPORAL_SQLITE_PRAGMAS="${ORDERFLOW_STACK_TEMPORAL_SQLITE_PRAGMAS:-1}"
TEMPORAL_MODE="${ORDERFLOW_STACK_TEMPORAL:-server}"
case "$TEMPORAL_MODE" in server|dev) ;; *) echo "stack: error: ORDERFLOW_STACK_TEMPORAL must be server or dev, not '$TEMPORAL_MODE'" >&2; exit 2 ;; esac

MARIADB_PORT=3307
# Temporal's own store (production server only); not 5432, so that a system PostgreSQL may run too.
POSTGRES_PORT=5433
TEMPORAL_PORT=7233
TEMPORAL_UI_PORT=8233
TEMPORAL_UI="http://127.0.0.1:$TEMPORAL_UI_PORT"
GATEWAY_PORT=8080
GATEWAY_MANAGEMENT_PORT=9080
GATEWAY2_PORT=8088
GATEWAY2_MANAGEMENT_PORT=9088
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
ALL_PARTS=(mariadb postgres temporal zipkin identity codec stock payment delivery checkout gateway web temporal-ui)
# The second replica of each role, side by side with the first (scale-out).
REPLICAS=(gateway2 stock2 payment2 delivery2 checkout2)
STOP_ORDER=(temporal-ui web gateway2 gateway checkout-next checkout2 checkout stock2 stock payment2 payment
  delivery2 delivery codec identity zipkin temporal postgres mariadb)
# The production server's services, in the order they start (history owns the shards the others
# route to) and stop in reverse.
TEMPORAL_SERVICES=(history matching frontend worker)

log() { echo "stack: $*" >&2; }
die() { echo "stack: error: $*" >&2; exit 1; }

http_port() {
  case "$1" in
    stock) echo 8081 ;; payment) echo 8082 ;; delivery) echo 8083 ;; checkout) echo 8084 ;;
    stock2) echo 8091 ;; payment2) echo 8092 ;; delivery2) echo 8093 ;; checkout2) echo 8096 ;;
    checkout-next) echo 8094 ;; gateway) echo "$GATEWAY_PORT" ;; gateway2) echo "$GATEWAY2_PORT" ;;
    identity) echo "$IDENTITY_PORT" ;;
    codec) echo "$CODEC_PORT" ;; web) echo "$WEB_PORT" ;;
    *) die "part '$1' has no HTTP port" ;;
  esac
}

is_part() {
  case "$1" in
    mariadb|postgres|temporal|temporal-ui|zipkin|identity|codec|stock|payment|delivery|checkout|gateway|web) return 0 ;;
    gateway2|stock2|payment2|delivery2|checkout2|checkout-next) return 0 ;;
    temporal-frontend|temporal-history|temporal-matching|temporal-worker) return 0 ;;
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
    zipkin) echo zipkin ;; postgres) echo postgres ;; temporal-*) echo temporal_service ;;
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
  # The key the gateways seal page tokens with (32 random bytes, Base64), and the password of
  # Temporal's own database user (production server).
  grep -q "^page_token_key=" "$file" \
    || (umask 077; echo "page_token_key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >>"$file")
  grep -q "^temporal_db_password=" "$file" \
    || (umask 077; echo "temporal_db_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" >>"$file")
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

# ---------------------------------------------------------------- PostgreSQL (Temporal's store)

# Debian's PostgreSQL server binaries (package postgresql), newest major version installed.
postgres_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/postgres" ] \
    || die "PostgreSQL is not installed: apt-get install -y postgresql (or run scripts/prerequisites.sh)"
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root it runs as the OS user postgres, with its data in a
# directory that user can reach (the run directory may sit where it cannot); the path embeds the
# run directory, so running_pid recognises the process as this stack's.
postgres_dir() {
  if [ "$(id -u)" -eq 0 ]; then echo "/var/tmp/orderflow-postgres$RUN"; else echo "$RUN/postgres"; fi
}

# The command prefix that runs a program as that user (none when not root). An array, not a
# function, so that `launch` can exec it.
postgres_user_prefix() {
  if [ "$(id -u)" -eq 0 ]; then
    AS_POSTGRES=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  else
    AS_POSTGRES=()
  fi
}

# The superuser connects through the socket in the data directory (trust, local only); Temporal's
# user connects over TCP with its password.
postgres_sql() {
  "$(postgres_bin)/psql" -h "$(postgres_dir)" -p "$POSTGRES_PORT" -U postgres -d "${2:-postgres}" \
    -v ON_ERROR_STOP=1 -qAt -c "$1"
}

ready_postgres() { postgres_sql "SELECT 1" >/dev/null 2>&1; }

start_postgres() {
  local bin dir
  bin="$(postgres_bin)"
  dir="$(postgres_dir)"
  postgres_user_prefix
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    mkdir -p "$dir/data"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
    chmod 700 "$dir/data"
    "${AS_POSTGRES[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$LOGS/postgres-initdb.log" 2>&1 \
      || { log_tail postgres-initdb; die "initdb failed"; }
  fi
  [ "$RUN/postgres" = "$dir" ] || ln -sfn "$dir" "$RUN/postgres"
  launch postgres "${AS_POSTGRES[@]}" "$bin/postgres" -D "$dir/data" -p "$POSTGRES_PORT" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories="$dir" -c max_connections=300 \
    -c shared_buffers=128MB -c fsync=on -c synchronous_commit=on
  await_ready postgres
  provision_postgres
}

# Temporal's user owns its two databases; the schemas are created and migrated with
# temporal-sql-tool from the server release's own schema files, on every start (idempotent: a run
# directory made by an older release is upgraded to this one's schema).
provision_postgres() {
  credentials
  local tool schema db
  tool="$TEMPORAL_SERVER_DIR/temporal-sql-tool"
  schema="$TEMPORAL_SERVER_DIR/schema/postgresql/v12"
  postgres_sql "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'temporal') THEN CREATE ROLE temporal LOGIN; END IF;
    END \$\$; ALTER ROLE temporal WITH LOGIN PASSWORD '$temporal_db_password'"
  for db in temporal temporal_visibility; do
    if [ -z "$(postgres_sql "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      postgres_sql "CREATE DATABASE $db OWNER temporal"
    fi
  done
  local -a sql=("$tool" --plugin postgres12 --ep 127.0.0.1 -p "$POSTGRES_PORT" -u temporal --pw "$temporal_db_password")
  for db in temporal:temporal temporal_visibility:visibility; do
    if [ -z "$(postgres_sql "SELECT to_regclass('public.schema_version')" "${db%%:*}")" ]; then
      "${sql[@]}" --db "${db%%:*}" setup-schema -v 0.0 >>"$LOGS/postgres-schema.log" 2>&1 \
        || { log_tail postgres-schema; die "temporal-sql-tool could not set up ${db%%:*}"; }
    fi
    "${sql[@]}" --db "${db%%:*}" update-schema -d "$schema/${db##*:}/versioned" >>"$LOGS/postgres-schema.log" 2>&1 \
      || { log_tail postgres-schema; die "temporal-sql-tool could not update ${db%%:*}"; }
  done
  log "postgres: databases temporal and temporal_visibility at the schema of Temporal server $(basename "$TEMPORAL_SERVER_DIR")"
}

# ---------------------------------------------------------------- Temporal

temporal_cli() { "$REPO/scripts/stack/install-temporal-cli.sh"; }

# The cluster answers: its frontend is serving and reaches history (the health check goes through).
ready_temporal() {
  "$TEMPORAL_CLI" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" --command-timeout 3s 2>/dev/null \
    | grep -q SERVING
}

# One service process of the production server: up once its metrics endpoint answers (it opens it
# after its RPC ports).
ready_temporal_service() {
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$(temporal_metrics_port "$1")/metrics" 2>/dev/null
}

temporal_metrics_port() {
  case "$1" in
    temporal-frontend) echo 7271 ;; temporal-history) echo 7272 ;; temporal-matching) echo 7273 ;;
    temporal-worker) echo 7274 ;;
  esac
}

start_temporal() {
  if [ "$TEMPORAL_MODE" = dev ]; then start_temporal_dev; return; fi
  local service
  # History first, alone: on a fresh store the first process to start writes the cluster's metadata
  # record, and four processes racing to write it can make one of them exit (seen once in CI: the
  # history service died at start-up). The other three then start side by side.
  start_part temporal-history
  await_ready temporal-history
  for service in "${TEMPORAL_SERVICES[@]}"; do
    [ "$service" = history ] || start_part "temporal-$service"
  done
  for service in "${TEMPORAL_SERVICES[@]}"; do await_ready "temporal-$service"; done
  await_cluster
}

# The frontend serves before the history shards are all owned; wait until a call goes through.
await_cluster() {
  local deadline=$((SECONDS + READY_TIMEOUT))
  until ready_temporal; do
    [ "$SECONDS" -lt "$deadline" ] || { log_tail temporal-frontend; log_tail temporal-history; die "the Temporal cluster did not answer within ${READY_TIMEOUT}s"; }
    sleep 1
  done
  log "temporal ready ($TEMPORAL_MODE)"
}

# The four services are separate processes of one binary and one config file; each gets its own
# metrics and pprof ports through the environment (the config file is a template).
start_temporal_service() {
  local part="$1" service="${1#temporal-}" dir="$RUN/temporal-server" port
  credentials
  mkdir -p "$dir"
  cp "$REPO/scripts/stack/temporal-server.yaml" "$dir/temporal-server.yaml"
  cp "$REPO/scripts/stack/temporal-dynamic-config.yaml" "$dir/dynamic-config.yaml"
  port="$(temporal_metrics_port "$part")"
  launch "$part" env ORDERFLOW_TEMPORAL_DB_PORT="$POSTGRES_PORT" ORDERFLOW_TEMPORAL_DB_PASSWORD="$temporal_db_password" \
    ORDERFLOW_TEMPORAL_METRICS_PORT="$port" ORDERFLOW_TEMPORAL_PPROF_PORT="$((port + 10))" \
    ORDERFLOW_TEMPORAL_DYNAMIC_CONFIG="$dir/dynamic-config.yaml" \
    "$TEMPORAL_SERVER_DIR/temporal-server" --config-file "$dir/temporal-server.yaml" --allow-no-auth \
    start --service "$service"
}

stop_temporal() {
  local signal="$1" i
  if [ "$TEMPORAL_MODE" = dev ]; then stop_one temporal "$signal"; return; fi
  for ((i = ${#TEMPORAL_SERVICES[@]} - 1; i >= 0; i--)); do stop_one "temporal-${TEMPORAL_SERVICES[$i]}" "$signal"; done
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
start_temporal_dev() {
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

# The production server starts with no namespace; the platform's is created once, keeping closed
# workflows as long as deploy/temporal/values.yaml does (the dev server makes "default" itself).
ensure_namespace() {
  [ "$TEMPORAL_MODE" = server ] || return 0
  if ! "$TEMPORAL_CLI" operator namespace describe --address "127.0.0.1:$TEMPORAL_PORT" --namespace default >/dev/null 2>&1; then
    "$TEMPORAL_CLI" operator namespace create --address "127.0.0.1:$TEMPORAL_PORT" --namespace default \
      --retention 90d >>"$LOGS/temporal-frontend.log" 2>&1 \
      || { log_tail temporal-frontend 5; die "could not create the namespace default"; }
    log "temporal: namespace default created (retention 90 days)"
  fi
  # Every service learns of a new namespace from its namespace cache, refreshed every few seconds.
  local deadline=$((SECONDS + 60))
  until "$TEMPORAL_CLI" workflow list --address "127.0.0.1:$TEMPORAL_PORT" --namespace default --limit 1 >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "the namespace default is not usable within 60 s"
    sleep 1
  done
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
    gateway2) echo "$GATEWAY2_MANAGEMENT_PORT" ;;
    web) echo "$WEB_MANAGEMENT_PORT" ;;
    stock|stock2|payment|payment2|delivery|delivery2|checkout|checkout2|checkout-next) echo $(($(http_port "$1") + 1000)) ;;
    *) http_port "$1" ;;
  esac
}

ready_http() {
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$(management_port "$1")/actuator/health/readiness" 2>/dev/null
}

# The role a part plays: gateway2 is a gateway, stock2 a stock worker, checkout-next a checkout worker.
role_of() {
  case "$1" in
    checkout-next) echo checkout ;;
    *2) echo "${1%2}" ;;
    *) echo "$1" ;;
  esac
}

jar() {
  local pattern="$1" found
  found="$(ls "$REPO"/$pattern 2>/dev/null | head -n 1 || true)"
  [ -n "$found" ] || die "no $pattern: build the jars first with: mvn -B -DskipTests package"
  echo "$found"
}

start_jvm() {
  local part="$1" role jarfile
  role="$(role_of "$1")"
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
  elif [ "$role" = gateway ]; then
    jarfile="${ORDERFLOW_STACK_GATEWAY_JAR:-$(jar 'gateway/target/gateway-*-exec.jar')}"
    # Both gateways seal page tokens with the same key, so a client may fetch the next page of a
    # list from either.
    env+=(ORDERFLOW_GATEWAY_CATALOG_BASE_URL="http://127.0.0.1:$(http_port stock)"
      ORDERFLOW_CARRIER_WEBHOOK_SECRET="$carrier_webhook_secret"
      ORDERFLOW_GATEWAY_PAGE_TOKENS_KEY="$page_token_key")
  else
    jarfile="${ORDERFLOW_STACK_WORKER_JAR:-$(jar 'workers/target/workers-*-exec.jar')}"
    env+=(ORDERFLOW_WORKER_ROLES="$role")
    # The simulated carrier posts its tracking events to the gateway's webhook, signed; the second
    # delivery replica to the second gateway, so events reach the orders through either.
    if [ "$role" = delivery ]; then
      local webhook_gateway=gateway
      [ "$part" = delivery2 ] && webhook_gateway=gateway2
      env+=(ORDERFLOW_CARRIER_WEBHOOK_URL="http://127.0.0.1:$(http_port "$webhook_gateway")/api/v1/carrier/events"
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

# The build id the Kubernetes manifests deploy (the newest version directory), so that what the
# stack's checkout worker registers is what KEDA's ScaledObject for that version asks about.
deployed_build_id() {
  local newest
  newest="$(ls "$REPO/deploy/k8s/base/workers/checkout/versions" | sort -V | tail -n 1)"
  [ -n "$newest" ] || die "no version under deploy/k8s/base/workers/checkout/versions"
  echo "$newest"
}

build_id() {
  case "$1" in
    checkout|checkout2) echo "${ORDERFLOW_STACK_CHECKOUT_BUILD_ID:-$(deployed_build_id)}" ;;
    checkout-next) echo "${ORDERFLOW_STACK_CHECKOUT_NEXT_BUILD_ID:-stack-b}" ;;
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
    postgres) start_postgres ;;
    temporal) start_temporal ;;
    temporal-*) [ "$part" = temporal-ui ] && start_temporal_ui || start_temporal_service "$part" ;;
    zipkin) start_zipkin ;;
    *) start_jvm "$part" ;;
  esac
}

# Waits for the part (started without waiting) to be ready.
await_part() {
  case "$1" in
    mariadb|postgres) ;;  # its start already waited
    # its start already waited; also when it was already running
    temporal) ensure_namespace; ensure_search_attributes ;;
    checkout|checkout-next) await_ready "$1"; make_current_if_first "$1" ;;
    *) await_ready "$1" ;;
  esac
}

# `start checkout` makes its version current; checkout-next only becomes current when asked.
make_current_if_first() {
  [ "$1" = checkout ] && make_current "$1"
  return 0
}

stop_part() {
  case "$1" in
    temporal) stop_temporal "${2:-TERM}" ;;
    *) stop_one "$@" ;;
  esac
}

stop_one() {
  local part="$1" signal="${2:-TERM}" pid waited=0
  pid="$(running_pid "$part")" || { rm -f "$(pidfile "$part")"; return 0; }
  if [ "$signal" = KILL ]; then
    kill -KILL "$pid"
    log "$part killed (kill -9 $pid)"
  else
    # PostgreSQL's SIGTERM waits for every client to leave; SIGINT is its fast shutdown (clients
    # are disconnected, nothing committed is lost).
    [ "$part" = postgres ] && kill -INT "$pid" || kill -TERM "$pid"
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

# Stops the server of either kind (a run directory switched from one to the other is cleaned up).
stop_temporal() {
  local signal="$1" i
  stop_one temporal "$signal"
  for ((i = ${#TEMPORAL_SERVICES[@]} - 1; i >= 0; i--)); do stop_one "temporal-${TEMPORAL_SERVICES[$i]}" "$signal"; done
}

cmd_up() {
  mkdir -p "$LOGS"
  start_part mariadb
  [ "$TEMPORAL_MODE" = dev ] || start_part postgres
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
  log "up ($TEMPORAL_MODE Temporal server): shop http://127.0.0.1:$WEB_PORT  gateway http://127.0.0.1:$GATEWAY_PORT/api/v1  identity $ISSUER  Temporal Web UI $TEMPORAL_UI (log in as operator)  codec https://127.0.0.1:$CODEC_PORT  traces (Zipkin) http://127.0.0.1:$ZIPKIN_PORT"
}

# The second replica of every role, in parallel; the first ones must be up (the second checkout
# replica joins the version the first made current).
cmd_scale_out() {
  local part
  ready_http gateway && ready_http checkout || die "scale-out needs the stack up first: $0 up"
  for part in "${REPLICAS[@]}"; do start_part "$part"; done
  for part in "${REPLICAS[@]}"; do await_part "$part"; done
  log "scaled out: gateways http://127.0.0.1:$GATEWAY_PORT and http://127.0.0.1:$GATEWAY2_PORT, two replicas of stock, payment, delivery and checkout"
}

cmd_scale_in() {
  local part
  for part in "${REPLICAS[@]}"; do stop_part "$part"; done
  log "scaled in: one replica of each role"
}

cmd_down() {
  local part
  for part in "${STOP_ORDER[@]}"; do stop_part "$part"; done
  log "down"
}

# Every part of this mode; the optional ones (second replicas, checkout-next) only when running.
status_parts() {
  local part
  for part in "${ALL_PARTS[@]}"; do
    case "$part" in
      postgres) [ "$TEMPORAL_MODE" = server ] && echo postgres ;;
      temporal) if [ "$TEMPORAL_MODE" = server ]; then printf 'temporal-%s\n' "${TEMPORAL_SERVICES[@]}"; else echo temporal; fi ;;
      *) echo "$part" ;;
    esac
  done
}

cmd_status() {
  local part pid state all_ready=0
  for part in $(status_parts) "${REPLICAS[@]}" checkout-next; do
    if pid="$(running_pid "$part")"; then
      if "ready_$(kind "$part")" "$part"; then state="ready"; else state="starting"; all_ready=1; fi
      printf '%-17s %-9s pid %s\n' "$part" "$state" "$pid"
    else
      case " ${REPLICAS[*]} checkout-next " in *" $part "*) continue ;; esac
      all_ready=1
      printf '%-17s stopped\n' "$part"
    fi
  done
  return "$all_ready"
}

cmd_logs() {
  if [ $# -gt 0 ]; then
    is_part "$1" || die "unknown part '$1'"
    if [ "$1" = temporal ] && [ "$TEMPORAL_MODE" = server ]; then
      local service
      for service in "${TEMPORAL_SERVICES[@]}"; do log_tail "temporal-$service" "${LINES_TO_SHOW:-100}" 2>&1; done
      return
    fi
    tail -n "${LINES_TO_SHOW:-100}" "$LOGS/$1.log"
  else
    local part
    for part in $(status_parts) "${REPLICAS[@]}"; do log_tail "$part" 20 2>&1; done
  fi
}

need_part() {
  [ $# -ge 1 ] && is_part "$1" || die "usage: $0 $CMD <part> (parts: $(status_parts | tr '\n' ' ')temporal ${REPLICAS[*]} checkout-next)"
}

CMD="${1:-}"
shift || true
case "$CMD" in
  up|start|restart|status|scale-out)
    TEMPORAL_CLI="$(temporal_cli)"
    if [ "$TEMPORAL_MODE" = server ]; then TEMPORAL_SERVER_DIR="$("$REPO/scripts/stack/install-temporal-server.sh")"; fi
    ;;
esac
case "$CMD" in
  up) cmd_up ;;
  scale-out) cmd_scale_out ;;
  scale-in) cmd_scale_in ;;
  down) cmd_down ;;
  status) cmd_status ;;
  logs) cmd_logs "$@" ;;
  start) need_part "$@"; start_part "$1"; await_part "$1" ;;
  stop) need_part "$@"; stop_part "$1" TERM ;;
  kill) need_part "$@"; stop_part "$1" KILL ;;
  restart) need_part "$@"; stop_part "$1" TERM; start_part "$1"; await_part "$1" ;;
  *) sed -n '2,72p' "$0" | sed 's/^# \{0,1\}//'; [ -z "$CMD" ] || exit 2 ;;
esac
