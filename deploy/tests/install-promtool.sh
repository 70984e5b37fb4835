#!/usr/bin/env bash
# Makes promtool (Prometheus's rule checker and rule unit-test runner) available to the deploy
# checks. Order of preference: a `promtool` on PATH; one built earlier into the cache directory;
# otherwise it is built once from source with Go into that cache directory.
# Prometheus's Go module versions v0.3xx.y are its releases 3.xx.y.
#
# Prints the path of promtool on stdout.
set -euo pipefail

PROMETHEUS_MODULE_VERSION="v0.316.0"
cache_bin="${ORDERFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderflow}/bin"

if command -v promtool >/dev/null 2>&1; then
  command -v promtool
  exit 0
fi
if [ -x "$cache_bin/promtool" ]; then
  echo "$cache_bin/promtool"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: promtool is not installed and Go is not available to build it." >&2
  echo "       Install Prometheus's promtool and put it on PATH." >&2
  exit 1
fi

echo "Building promtool $PROMETHEUS_MODULE_VERSION into $cache_bin (once; takes a few minutes)" >&2
mkdir -p "$cache_bin"
GOBIN="$cache_bin" go install "github.com/prometheus/prometheus/cmd/promtool@$PROMETHEUS_MODULE_VERSION" >&2
echo "$cache_bin/promtool"
