#!/bin/sh
# First start of an empty MySQL data directory only (the mysql image runs
# /docker-entrypoint-initdb.d/* once, after the root password is set): one database and one user
# per service, each user granted its own database and nothing else. Credentials come from the
# environment (Kubernetes Secrets, or compose's environment), never from this file.
# Passwords are expected to be URL-safe tokens (e.g. `openssl rand -hex 24`): they are quoted
# as SQL string literals below.
set -eu

# Check everything before touching anything, so a missing credential leaves no half-made setup.
for var in MYSQL_ROOT_PASSWORD STOCK_DB_USER STOCK_DB_PASSWORD PAYMENT_DB_USER PAYMENT_DB_PASSWORD \
           DELIVERY_DB_USER DELIVERY_DB_PASSWORD; do
  eval "value=\${$var:-}"
  [ -n "$value" ] || { echo "orderflow: $var is not set" >&2; exit 1; }
done

create_service_database() {
  db="$1" user="$2" password="$3"
  mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${user}'@'%';
SQL
  echo "orderflow: database '${db}' and user '${user}' ready"
}

create_service_database stock    "${STOCK_DB_USER}"    "${STOCK_DB_PASSWORD}"
create_service_database payment  "${PAYMENT_DB_USER}"  "${PAYMENT_DB_PASSWORD}"
create_service_database delivery "${DELIVERY_DB_USER}" "${DELIVERY_DB_PASSWORD}"
