#!/usr/bin/env bash
# Installs what Upward needs beyond a JDK 17. PostgreSQL and Kafka come from Maven Central as jars
# (embedded PostgreSQL binaries, the Kafka broker). The browser tests need Debian's Chromium and its
# driver; they are installed here when missing (as root, as in CI; otherwise with sudo). The checks of the
# Kubernetes manifests need kubectl (its built-in kustomize) and their npm packages, installed here.
set -euo pipefail

java_version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ -z "$java_version" ] || [ "${java_version%%.*}" -lt 17 ]; then
  echo "Upward needs a JDK 17 or newer on the PATH (found: ${java_version:-none})." >&2
  exit 1
fi

if [ "${1:-}" = "--for-tests" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  echo "Installing Chromium and ChromeDriver from Debian for the browser tests..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

if [ "${1:-}" = "--for-tests" ]; then
  if ! kubectl kustomize --help >/dev/null 2>&1; then
    echo "The Kubernetes manifest checks need kubectl 1.27 or newer (kubectl kustomize) on the PATH." >&2
    exit 1
  fi
  validate_dir="$(dirname "$0")/kubernetes/validate"
  if [ ! -d "$validate_dir/node_modules" ]; then
    echo "Installing the npm packages of the Kubernetes manifest checks..."
    npm ci --prefix "$validate_dir" --no-audit --no-fund --loglevel=error
  fi
fi
