#!/usr/bin/env bash
# Makes the Temporal CLI (which carries the dev server and its Web UI) available to scripts/stack.sh.
#
# Order of preference: a `temporal` already on PATH; one built earlier into the cache directory;
# otherwise it is built once from source with Go into that cache directory. v1.5.1 is the newest
# release that `go install` can build (later ones use replace directives). On a machine without Go,
# install the Temporal CLI instead (https://docs.temporal.io/cli#install) and put it on PATH.
#
# Prints the path of the CLI on stdout.
set -euo pipefail

TEMPORAL_CLI_VERSION="v1.5.1"
cache_bin="${ORDERFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderflow}/bin"

if command -v temporal >/dev/null 2>&1; then
  command -v temporal
  exit 0
fi
if [ -x "$cache_bin/temporal" ]; then
  echo "$cache_bin/temporal"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: the Temporal CLI is not installed and Go is not available to build it." >&2
  echo "       Install the Temporal CLI (https://docs.temporal.io/cli#install) and put 'temporal' on PATH." >&2
  exit 1
fi

echo "Building the Temporal CLI $TEMPORAL_CLI_VERSION into $cache_bin (once; takes a few minutes)" >&2
mkdir -p "$cache_bin"
GOBIN="$cache_bin" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2
echo "$cache_bin/temporal"
