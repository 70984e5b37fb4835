#!/usr/bin/env bash
# Runs every test of orderflow: unit, workflow and replay tests, activities against a real
# MariaDB, gateway contract tests, the embedded end-to-end suite and the offline deploy checks.
# Installs what the tests need on a Debian machine (MariaDB server, Chromium) when it is missing,
# and fails loudly when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prerequisites.sh

mvn -B verify
bash deploy/tests/run.sh
