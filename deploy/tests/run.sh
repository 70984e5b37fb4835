#!/usr/bin/env bash
# Renders and validates everything under deploy/ offline. Needs python3 (with venv/pip), kubectl on
# the PATH and promtool (built once with Go by install-promtool.sh when it is missing); creates
# deploy/tests/.venv on first use (gitignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

command -v kubectl >/dev/null || { echo "kubectl is required (it renders the kustomizations)" >&2; exit 2; }
ORDERFLOW_PROMTOOL="$("$here/install-promtool.sh")"
export ORDERFLOW_PROMTOOL
python="$("$here/venv.sh")"

cd "$here"
exec "$python" -m pytest -p no:cacheprovider "$@"
