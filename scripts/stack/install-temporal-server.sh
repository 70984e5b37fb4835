#!/usr/bin/env bash
# Makes the production Temporal server available to scripts/stack.sh: the server binary
# (go.temporal.io/server/cmd/server), its schema tool temporal-sql-tool (cmd/tools/sql) and the
# PostgreSQL schema files of the same release, built once from source with Go into a cache
# directory and reused afterwards.
#
# Prints that directory on stdout; it holds temporal-server, temporal-sql-tool and schema/.
#
# The release needs a newer Go than the machine may have: GOTOOLCHAIN names the Go release the
# go command fetches from the Go module proxy for this build (only for it).
set -euo pipefail

TEMPORAL_SERVER_VERSION="v1.32.2"
GO_TOOLCHAIN_FOR_SERVER="go1.27.3"
cache="${ORDERFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderflow}/temporal-server-$TEMPORAL_SERVER_VERSION"

if [ -x "$cache/temporal-server" ] && [ -x "$cache/temporal-sql-tool" ] && [ -d "$cache/schema/postgresql" ]; then
  echo "$cache"
  exit 0
fi
command -v go >/dev/null 2>&1 || {
  echo "error: the Temporal server is built with Go, which is not installed (or set ORDERFLOW_STACK_TEMPORAL=dev)" >&2
  exit 1
}

echo "Building the Temporal server $TEMPORAL_SERVER_VERSION and temporal-sql-tool into $cache (once; takes a few minutes)" >&2
build="$(mktemp -d)"
trap 'chmod -R u+w "$build" 2>/dev/null; rm -rf "$build"' EXIT
export GOTOOLCHAIN="$GO_TOOLCHAIN_FOR_SERVER"
GOBIN="$build/bin" go install "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" >&2
GOBIN="$build/bin" go install "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION" >&2
# The schema files ship in the module's source, which go install just put into the module cache.
source_dir="$(go mod download -json "go.temporal.io/server@$TEMPORAL_SERVER_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$source_dir/schema/postgresql/v12" ] || { echo "error: no PostgreSQL schema in $source_dir" >&2; exit 1; }
mkdir -p "$cache.partial/schema"
cp -R "$source_dir/schema/postgresql" "$cache.partial/schema/"
chmod -R u+w "$cache.partial"
mv "$build/bin/server" "$cache.partial/temporal-server"
mv "$build/bin/sql" "$cache.partial/temporal-sql-tool"
rm -rf "$cache"
mv "$cache.partial" "$cache"
echo "$cache"
