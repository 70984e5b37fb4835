#!/usr/bin/env bash
# Runs every test of orderflow:
#   1. unit, workflow and replay tests; activities against a real MariaDB; gateway contract tests;
#      the drain test (a real worker process); the embedded platform end to end;
#   2. the offline deploy checks (kustomize render, Kubernetes/KEDA schemas, our rules, the alert
#      rules and dashboard with promtool);
#   3. the real stack on the production Temporal server (four service processes on PostgreSQL),
#      MariaDB and the platform's JVMs: the same scenarios over HTTP, listing, scale-out (two
#      gateways, two replicas of every worker role), crash tests (each Temporal service and one
#      replica of every role killed mid-load), KEDA's scaler against the queues and the Temporal Web
#      UI; then the alert rules evaluated on metrics scraped from it;
#   4. the crash tests again on the Temporal CLI's dev server (the laptop setting).
# Installs what the tests need on a Debian machine when it is missing (MariaDB, Chromium, the
# Temporal CLI) and fails loudly when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prerequisites.sh

# install, not verify: the stack suite below runs the e2e module alone against these artifacts.
mvn -B install
scripts/contract-test.sh
bash deploy/tests/run.sh

trap 'scripts/stack.sh down || true; ORDERFLOW_STACK_TEMPORAL=dev ORDERFLOW_STACK_DIR="$PWD/.run/stack-dev" scripts/stack.sh down || true' EXIT
scripts/stack.sh up || { scripts/stack.sh logs; exit 1; }
mvn -B -Pstack -pl e2e verify || { scripts/stack.sh logs; exit 1; }
# The alert rules' expressions evaluated on metrics scraped from the running stack.
deploy/tests/check-rules-against-stack.sh || { scripts/stack.sh logs; exit 1; }
scripts/stack.sh down

# The dev server keeps its own crash tests: a restart of the one server process, and workers and
# the gateway killed on it.
export ORDERFLOW_STACK_TEMPORAL=dev ORDERFLOW_STACK_DIR="$PWD/.run/stack-dev"
scripts/stack.sh up || { scripts/stack.sh logs; exit 1; }
mvn -B -Pstack -pl e2e verify -Dtest='TemporalRestartTest,*WorkerCrashTest,GatewayCrashTest' \
  -Dsurefire.failIfNoSpecifiedTests=false || { scripts/stack.sh logs; exit 1; }
