#!/usr/bin/env bash
# Installs what Upward needs beyond a JDK 17. PostgreSQL and Kafka come from Maven Central as jars
# (embedded PostgreSQL binaries, the Kafka broker). The browser tests need Debian's Chromium and its
# driver; they are installed here when missing (as root, as in CI; otherwise with sudo).
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
