#!/usr/bin/env bash
# Evaluates the alert rules' expressions on metrics scraped from the running real stack (see
# stack_rules_check.py). Needs `scripts/stack.sh up`; places three orders as alice.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ORDERFLOW_PROMTOOL="$("$here/install-promtool.sh")"
export ORDERFLOW_PROMTOOL
python="$("$here/venv.sh")"

cd "$here"
exec "$python" stack_rules_check.py
