#!/bin/sh
# First start of an empty MySQL data directory only (the mysql image runs
# /docker-entrypoint-initdb.d/* once, after the root password is set): one database and one user
# per service, least privilege: a runtime user with SELECT, INSERT, UPDATE on its own database
# only (no code path of the services deletes a row), and a migration user (schema changes on that
# database, nothing else) that only Flyway uses, in a container of its own. Every database is
# utf8mb4 with utf8mb4_unicode_ci, the collation the migrations give every table (MySQL 8.4 and
# MariaDB both have it). Credentials come from the environment (Kubernetes Secrets, or compose's
# environment), never from this file. Hosts are '%': pod addresses are not known in advance;
# the NetworkPolicy on MySQL admits only the service's own worker pods.
# Passwords are expected to be URL-safe tokens (e.g. `openssl rand -hex 24`): they are quoted
# as SQL string literals below.
set -eu

# Check everything before touching anything, so a missing credential leaves no half-made setup.
for var in MYSQL_ROOT_PASSWORD STOCK_DB_USER STOCK_DB_PASSWORD PAYMENT_DB_USER PAYMENT_DB_PASSWORD \
           DELIVERY_DB_USER DELIVERY_DB_PASSWORD STOCK_DB_MIGRATE_USER STOCK_DB_MIGRATE_PASSWORD \
           PAYMENT_DB_MIGRATE_USER PAYMENT_DB_MIGRATE_PASSWORD DELIVERY_DB_MIGRATE_USER DELIVERY_DB_MIGRATE_PASSWORD; do
  eval "value=\${$var:-}"
  [ -n "$value" ] || { echo "orderflow: $var is not set" >&2; exit 1; }
done

create_service_database() {
  db="$1" user="$2" password="$3" migrator="$4" migrator_password="$5"
  mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
GRANT SELECT, INSERT, UPDATE ON \`${db}\`.* TO '${user}'@'%';
CREATE USER IF NOT EXISTS '${migrator}'@'%' IDENTIFIED BY '${migrator_password}';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON \`${db}\`.* TO '${migrator}'@'%';
SQL
  echo "orderflow: database '${db}', runtime user '${user}' and migration user '${migrator}' ready"
}

create_service_database stock    "${STOCK_DB_USER}"    "${STOCK_DB_PASSWORD}" \
  "${STOCK_DB_MIGRATE_USER}" "${STOCK_DB_MIGRATE_PASSWORD}"
create_service_database payment  "${PAYMENT_DB_USER}"  "${PAYMENT_DB_PASSWORD}" \
  "${PAYMENT_DB_MIGRATE_USER}" "${PAYMENT_DB_MIGRATE_PASSWORD}"
create_service_database delivery "${DELIVERY_DB_USER}" "${DELIVERY_DB_PASSWORD}" \
  "${DELIVERY_DB_MIGRATE_USER}" "${DELIVERY_DB_MIGRATE_PASSWORD}"
