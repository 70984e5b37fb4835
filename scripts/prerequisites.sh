#!/usr/bin/env bash
# Makes sure the programs the tests start are installed: MariaDB (the tests run their own
# mariadbd in a temporary directory, never a system service), PostgreSQL (the production Temporal
# server's store in the real stack, also a process of the stack's own), Chromium (Web UI screenshot) and its
# chromedriver (Swagger UI login and the Temporal Web UI in a real browser), curl, Python with venv
# (the contract test's schemathesis, in a virtualenv), the Temporal CLI
# (the real Temporal dev server), the Temporal Web UI server (the real stack's UI, with login) and
# promtool (checks the alert rules).
# On Debian or Ubuntu it installs what is missing; elsewhere it says what to install and fails.
# It does not install kubectl (the deploy checks render the kustomizations with it): Debian's
# kubernetes-client is too old for them, so it only checks that one is there (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
# Temporal's own store in the real stack (the production Temporal server runs on PostgreSQL).
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# The contract test installs schemathesis into a virtualenv (python3 -m venv needs ensurepip).
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${missing[*]}" >&2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: ${missing[*]} not installed and this is not a Debian-like system; install them and retry" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: need root or sudo to run: apt-get install -y ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# deploy/tests/run.sh renders the kustomizations with kubectl's built-in kustomize, which must know
# the `labels` field: kubectl 1.22 or newer. Fail now rather than after the whole build.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "error: kubectl (1.22 or newer) is not installed; the deploy checks need it and this script does not install it (see the README)" >&2
  exit 1
fi

# Build the Temporal CLI and the Temporal UI server once into a cache directory when they are not
# on PATH (needs Go).
scripts/stack/install-temporal-cli.sh >/dev/null
# The production Temporal server and temporal-sql-tool, built once the same way.
scripts/stack/install-temporal-server.sh >/dev/null
scripts/stack/install-temporal-ui.sh >/dev/null
# promtool checks the alert rules (deploy/tests); built once with Go when it is not on PATH.
deploy/tests/install-promtool.sh >/dev/null
