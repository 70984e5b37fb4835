#!/usr/bin/env bash
# Makes the Temporal CLI (which carries the dev server and its Web UI) available to scripts/stack.sh:
# on PATH, or built once from source with Go (scripts/go-binary.sh). v1.5.1 is the newest release
# that `go install` can build (later ones use replace directives).
#
# Prints the path of the CLI on stdout.
set -euo pipefail

TEMPORAL_CLI_VERSION="v1.5.1"
exec "$(dirname "$0")/../go-binary.sh" temporal \
  github.com/temporalio/cli/cmd/temporal "$TEMPORAL_CLI_VERSION" temporal \
  "Install the Temporal CLI (https://docs.temporal.io/cli#install) and put 'temporal' on PATH."
