#!/usr/bin/env bash
# Builds the services' container images without a Docker engine or a registry, then checks each one.
#   deploy/images/build-images.sh [SERVICE ...]   (default: all four)
# The base image comes first (build-base-image.sh, once); then Maven's images profile has Quarkus' Jib
# extension write SERVICE/target/jib-image.tar; check-image.mjs then reads each tarball, and
# start-image.sh runs the gateway's.
set -euo pipefail
cd "$(dirname "$0")/../.."

services=("$@")
[ ${#services[@]} -gt 0 ] || services=(gateway course-service assessment-service progress-service)
modules=$(IFS=,; echo "${services[*]}")

base_image=${UPWARD_BASE_IMAGE:-$HOME/.cache/upward/upward-jre17-base.tar}
UPWARD_BASE_IMAGE="$base_image" deploy/images/build-base-image.sh
echo "Building the images of: ${services[*]}..."
./mvnw -B -q package -Pimages -DskipTests -Dupward.base-image="$base_image" -pl "$modules" -am
for service in "${services[@]}"; do
  node deploy/images/check-image.mjs "$service/target/jib-image.tar" "$service"
done
# The gateway starts on its own: run its image and ask its probes (as root, like the image check).
if [[ " ${services[*]} " == *" gateway "* ]] && [ "$(id -u)" -eq 0 ]; then
  deploy/images/start-image.sh gateway/target/jib-image.tar
fi
