#!/usr/bin/env bash
# Renders and validates everything under deploy/ offline. Needs only python3 (with venv/pip) and
# kubectl on the PATH; creates deploy/tests/.venv on first use (gitignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"

command -v kubectl >/dev/null || { echo "kubectl is required (it renders the kustomizations)" >&2; exit 2; }

if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
# Reinstall only when the pins changed since the last install.
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  echo "$want" > "$stamp"
fi

cd "$here"
exec "$venv/bin/python" -m pytest -p no:cacheprovider "$@"
