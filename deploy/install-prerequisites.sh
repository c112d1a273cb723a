#!/usr/bin/env bash
# Installs what Upward needs beyond a JDK 17. PostgreSQL and Kafka come from Maven Central as jars
# (embedded PostgreSQL binaries, the Kafka broker), so there is no Debian package to install yet.
set -euo pipefail

java_version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ -z "$java_version" ] || [ "${java_version%%.*}" -lt 17 ]; then
  echo "Upward needs a JDK 17 or newer on the PATH (found: ${java_version:-none})." >&2
  exit 1
fi
