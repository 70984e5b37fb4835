#!/usr/bin/env bash
# Asks KEDA's own Temporal scaler (the code the KEDA operator runs, built from deploy/tests/keda/)
# what it reads for every ScaledObject of a rendered overlay: the backlog metric it would hand the
# HPA and whether it would call the ScaledObject active. Proves that the task queue, queue type and
# Worker Deployment version in the manifests are the ones the workers really poll.
#
#   deploy/tests/keda-check.sh [--overlay dev|prod|<dir>] [--address HOST:PORT] [--list]
#                              [--only <name,name>] [--expect backlog=<name,name>|none]
#                              [--within <seconds>]
#
#   --overlay   overlay to render with kubectl kustomize (default dev)
#   --address   Temporal frontend to ask (default 127.0.0.1:7233, the stack's); stands in for the
#               TEMPORAL_ADDRESS the triggers' endpointFromEnv resolves from the pod environment
#   --list      print the temporal triggers only (no Temporal needed)
#   --only      check only these ScaledObjects
#   --expect    backlog=<names>: exactly these ScaledObjects are active; none: no ScaledObject is
#   --within    retry every 2 s until --expect holds or this many seconds have passed
#
# The triggers are read as rendered (authenticationRef is not resolved: the tool connects without
# TLS, as the stack's Temporal expects). Needs kubectl, and Go the first time: the tool is built
# once into ~/.cache/orderflow/bin, under a name carrying the KEDA version and a hash of its source.
#
# Exit codes: 0 listed, or the expectation holds (or, without --expect, every trigger was read);
#             1 the scaler answered, but --expect did not hold within --within;
#             2 usage error, or the overlay does not render;
#             3 the scaler could not read a queue (Temporal unreachable, unknown deployment version).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tool_src="$here/keda"

usage() { sed -n '6,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

overlay=dev address=127.0.0.1:7233 within=0
tool_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --overlay) [ $# -ge 2 ] || usage; overlay="$2"; shift 2 ;;
    --address) [ $# -ge 2 ] || usage; address="$2"; shift 2 ;;
    --list) tool_args+=(--list); shift ;;
    --only) [ $# -ge 2 ] || usage; tool_args+=(--only "$2"); shift 2 ;;
    --expect) [ $# -ge 2 ] || usage; tool_args+=(--expect "$2"); shift 2 ;;
    --within) [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || usage; within="$2"; shift 2 ;;
    *) usage ;;
  esac
done
case "$overlay" in
  dev|prod) overlay_dir="$repo/deploy/k8s/overlays/$overlay" ;;
  *) overlay_dir="$overlay" ;;
esac
command -v kubectl >/dev/null || { echo "kubectl is required (it renders the overlay)" >&2; exit 2; }

# Built once per KEDA version and source: `go install pkg@version` (scripts/go-binary.sh) cannot
# build a local module, so this is go build in deploy/tests/keda with its own go.mod.
keda_version="$(sed -n 's#^\s*github.com/kedacore/keda/v2 \(v[^ ]*\).*#\1#p' "$tool_src/go.mod")"
source_hash="$(cat "$tool_src/go.mod" "$tool_src/go.sum" "$tool_src"/*.go | sha256sum | cut -c1-12)"
cache_bin="${ORDERFLOW_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/orderflow}/bin"
tool="$cache_bin/keda-temporal-check-$keda_version-$source_hash"
if [ ! -x "$tool" ]; then
  command -v go >/dev/null || { echo "Go is required to build KEDA's scaler (once)" >&2; exit 2; }
  echo "Building KEDA $keda_version's Temporal scaler into $cache_bin (once; takes a few minutes)" >&2
  mkdir -p "$cache_bin"
  (cd "$tool_src" && go build -o "$tool.partial" .) || exit 2
  mv "$tool.partial" "$tool"
fi

manifests="$(kubectl kustomize "$overlay_dir")" || { echo "kubectl kustomize $overlay_dir failed" >&2; exit 2; }
exec "$tool" --address "$address" --within "${within}s" "${tool_args[@]}" <<<"$manifests"
