#!/usr/bin/env bash
# Makes the standalone Temporal Web UI server available to scripts/stack.sh.
#
# The dev server's built-in Web UI has no login, so it can never forward an operator's token to the
# codec server; the standalone UI server can (OIDC login, codec.passAccessToken). v2.42.1 is the UI
# that Temporal CLI v1.5.1 (scripts/stack/install-temporal-cli.sh) embeds, so it speaks to that
# dev server exactly as the built-in UI did.
#
# It is on PATH as `temporal-ui-server`, or built once from source with Go (scripts/go-binary.sh;
# the UI's assets are embedded in the Go module, so nothing but the Go toolchain and its module
# proxy is needed). On a machine without Go, build it elsewhere (or take the binary from the
# temporalio/ui server image) and put it on PATH as `temporal-ui-server`.
#
# Prints the path of the UI server on stdout.
set -euo pipefail

TEMPORAL_UI_VERSION="v2.42.1"
exec "$(dirname "$0")/../go-binary.sh" temporal-ui-server \
  github.com/temporalio/ui-server/v2/cmd/server "$TEMPORAL_UI_VERSION" "temporal-ui-server-$TEMPORAL_UI_VERSION" \
  "Build github.com/temporalio/ui-server/v2/cmd/server@$TEMPORAL_UI_VERSION elsewhere and put it on PATH as 'temporal-ui-server'."
