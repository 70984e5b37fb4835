#!/usr/bin/env bash
# Makes a Go-built tool available, once, and prints its path on stdout. Used by the scripts that
# need the Temporal CLI, the Temporal UI server and promtool, which this project builds from
# source with the Go toolchain and its module proxy rather than downloading release binaries.
#
# Usage: go-binary.sh <command name on PATH> <Go package> <version> <cache name> <what to do without Go>
#
# Order of preference: the command already on PATH; a binary built earlier into the cache
# directory under <cache name>; otherwise `go install <Go package>@<version>` into that cache.
# `go install` names a binary after its package directory, so it is built into a scratch
# directory and moved to <cache name>, which should carry the version when the package
# directory's name does not say what the tool is.
set -euo pipefail

name="$1" package="$2" version="$3" cached="$4" without_go="$5"
cache_bin="${ORDERFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderflow}/bin"

if command -v "$name" >/dev/null 2>&1; then
  command -v "$name"
  exit 0
fi
if [ -x "$cache_bin/$cached" ]; then
  echo "$cache_bin/$cached"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: $name is not installed and Go is not available to build it." >&2
  echo "       $without_go" >&2
  exit 1
fi

echo "Building $name $version into $cache_bin (once; takes a few minutes)" >&2
mkdir -p "$cache_bin"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
GOBIN="$build" go install "$package@$version" >&2
mv "$build/${package##*/}" "$cache_bin/$cached"
echo "$cache_bin/$cached"
