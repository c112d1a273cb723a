#!/usr/bin/env bash
# Starts the gateway's image as a container runtime would (its layers unpacked, its entry point run as its
# user in a chroot with its own /proc and mount namespace), and checks that it answers the three health
# probes the Deployments use on its management port, and /q/metrics there but not on its public port. The
# gateway runs on its own (its routes only fail when called), with the dev overlay's token keys. Needs root.
# Usage: deploy/images/start-image.sh gateway/target/jib-image.tar
set -euo pipefail
image=$1
port=${UPWARD_IMAGE_CHECK_PORT:-18480}
management_port=${UPWARD_IMAGE_CHECK_MANAGEMENT_PORT:-18490}
keys="$(cd "$(dirname "$0")/../kubernetes/overlays/dev/dev-keys" && pwd)"
work=$(mktemp -d /tmp/upward-start-image.XXXXXX)
pid=""
cleanup() {
  # The service is unshare's only child (pid 1 of its namespace); it changed user, so it does not die with
  # its parent by itself: stop it first, then unshare ends.
  if [ -n "$pid" ]; then
    pkill -TERM -P "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/image" "$work/root"
tar -xf "$image" -C "$work/image"
read -r user entrypoint < <(node -e '
  const fs = require("fs"); const dir = process.argv[1];
  const [m] = JSON.parse(fs.readFileSync(dir + "/manifest.json"));
  const c = JSON.parse(fs.readFileSync(dir + "/" + m.Config)).config;
  for (const layer of m.Layers) console.error(layer);
  console.log(c.User, c.Entrypoint.join(" "));' "$work/image" 2>"$work/layers")
while read -r layer; do
  tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$work/root"
done < "$work/layers"
mkdir -p "$work/root/etc/upward/keys"
cp "$keys"/jwt-public.pem "$keys"/jwt-private.pem "$work/root/etc/upward/keys/"
chmod 644 "$work/root/etc/upward/keys/"*

unshare --mount --pid --fork --mount-proc="$work/root/proc" env -i PATH=/usr/bin:/bin QUARKUS_HTTP_PORT="$port" \
  QUARKUS_MANAGEMENT_PORT="$management_port" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=/etc/upward/keys/jwt-public.pem \
  SMALLRYE_JWT_SIGN_KEY_LOCATION=/etc/upward/keys/jwt-private.pem JAVA_TOOL_OPTIONS=-Xmx128m \
  /usr/sbin/chroot --userspec="$user" "$work/root" sh -c "cd /home/jboss && exec $entrypoint" \
  > "$work/run.log" 2>&1 < /dev/null &
pid=$!

for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$management_port/q/health/started" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "The image's process ended:" >&2; tail -20 "$work/run.log" >&2; exit 1; }
  sleep 1
done
failed=0
# expect PORT PATH STATUS: the answer's status must be STATUS.
expect() {
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$2")
  echo ":$1$2: $status"
  [ "$status" = "$3" ] || failed=1
}
for probe in started ready live; do
  expect "$management_port" "/q/health/$probe" 200
done
expect "$management_port" /q/metrics 200
# Off the public port: metrics and health are the platform's, never the internet's.
expect "$port" /q/metrics 404
expect "$port" /q/health/ready 404
echo "as user $user: $(grep -o 'started in [0-9.]*s' "$work/run.log" || echo 'no start line')"
[ "$failed" = 0 ] || { tail -20 "$work/run.log" >&2; exit 1; }
echo "$image: starts and answers its probes"
