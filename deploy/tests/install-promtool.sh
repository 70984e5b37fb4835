#!/usr/bin/env bash
# Makes promtool (Prometheus's rule checker and rule unit-test runner) available to the deploy
# checks: on PATH, or built once from source with Go (scripts/go-binary.sh).
# Prometheus's Go module versions v0.3xx.y are its releases 3.xx.y.
#
# Prints the path of promtool on stdout.
set -euo pipefail

PROMETHEUS_MODULE_VERSION="v0.316.0"
exec "$(dirname "$0")/../../scripts/go-binary.sh" promtool \
  github.com/prometheus/prometheus/cmd/promtool "$PROMETHEUS_MODULE_VERSION" promtool \
  "Install Prometheus's promtool and put it on PATH."
