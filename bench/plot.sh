#!/usr/bin/env bash
# Plots a results file (bench/results/*.json) to a PNG with matplotlib, from a virtualenv under
# bench/target (made on first use).
#   bench/plot.sh bench/results/2026-11-30-stack.json docs/benchmarks-stack.png
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/target/plot-venv"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "matplotlib==3.11.2"
fi
exec "$venv/bin/python" "$here/plot.py" "$@"
