#!/usr/bin/env bash
# Runs the whole platform in one JVM with no outside services (the embedded default):
# in-process Temporal test server, in-memory H2 databases, four worker roles, gateway on :8080.
# Needs only Java 17+ and Maven. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests -pl embedded -am package
exec java ${JAVA_OPTS:-} -jar embedded/target/embedded-*-exec.jar "$@"
