#!/bin/sh
# Chooses the application from ORDERFLOW_APP and replaces the shell with the JVM (exec), so the
# JVM is PID 1 and receives SIGTERM directly: that is what starts the worker's graceful drain.
set -eu

app_root="${ORDERFLOW_APP_ROOT:-/app}"
case "${ORDERFLOW_APP:-worker}" in
  gateway) app_dir="$app_root/gateway" ;;
  worker)  app_dir="$app_root/worker" ;;
  web)     app_dir="$app_root/web" ;;
  codec-server) app_dir="$app_root/codec-server" ;;
  *)
    echo "ORDERFLOW_APP must be 'gateway', 'worker', 'web' or 'codec-server', got '${ORDERFLOW_APP}'" >&2
    exit 64
    ;;
esac

cd "$app_dir"
# JAVA_OPTS lets an operator add flags without rebuilding; JAVA_TOOL_OPTIONS carries the defaults.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} org.springframework.boot.loader.launch.JarLauncher "$@"
