#!/usr/bin/env bash
# Makes the standalone Temporal Web UI server available to scripts/stack.sh.
#
# The dev server's built-in Web UI has no login, so it can never forward an operator's token to the
# codec server; the standalone UI server can (OIDC login, codec.passAccessToken). v2.42.1 is the UI
# that Temporal CLI v1.5.1 (scripts/stack/install-temporal-cli.sh) embeds, so it speaks to that
# dev server exactly as the built-in UI did.
#
# Order of preference: a `temporal-ui-server` already on PATH; one built earlier into the cache
# directory; otherwise it is built once from source with Go into that cache directory (the UI's
# assets are embedded in the Go module, so nothing but the Go toolchain and its module proxy is
# needed). On a machine without Go, build it elsewhere (or take the binary from the temporalio/ui
# server image) and put it on PATH as `temporal-ui-server`.
#
# Prints the path of the UI server on stdout.
set -euo pipefail

TEMPORAL_UI_VERSION="v2.42.1"
cache_bin="${ORDERFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderflow}/bin"
binary="$cache_bin/temporal-ui-server-$TEMPORAL_UI_VERSION"

if command -v temporal-ui-server >/dev/null 2>&1; then
  command -v temporal-ui-server
  exit 0
fi
if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: the Temporal UI server is not installed and Go is not available to build it." >&2
  echo "       Build github.com/temporalio/ui-server/v2/cmd/server@$TEMPORAL_UI_VERSION elsewhere and put it on PATH as 'temporal-ui-server'." >&2
  exit 1
fi

echo "Building the Temporal UI server $TEMPORAL_UI_VERSION into $cache_bin (once; takes a few minutes)" >&2
mkdir -p "$cache_bin"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
# `go install` names the binary after its package directory (`server`): build into a scratch
# directory, then move it into the cache under a name that says what it is and which version.
GOBIN="$build" go install "github.com/temporalio/ui-server/v2/cmd/server@$TEMPORAL_UI_VERSION" >&2
mv "$build/server" "$binary"
echo "$binary"
