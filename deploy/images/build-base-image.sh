#!/usr/bin/env bash
# Builds the services' base image without a Docker engine or a registry: a minimal Debian (debootstrap
# --variant=minbase) with OpenJDK 17's headless runtime and a non-root user 185, packed as an image
# tarball (docker-archive: manifest.json, config, one layer) that Jib takes as its base (tar://...).
# Writes UPWARD_BASE_IMAGE (default ~/.cache/upward/upward-jre17-base.tar, outside the clone so that later
# builds on the machine reuse it); does nothing if it is there (delete it to rebuild, for security updates).
# Needs root (debootstrap, chroot) and the Debian mirror that apt uses.
set -euo pipefail
cd "$(dirname "$0")"

suite=${UPWARD_BASE_SUITE:-bookworm}
out=${UPWARD_BASE_IMAGE:-$HOME/.cache/upward/upward-jre17-base.tar}
[ -f "$out" ] && { echo "Base image: $out (already built)"; exit 0; }

if ! command -v debootstrap >/dev/null; then
  echo "Installing debootstrap from Debian..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi
# The mirror apt already uses (deb822 or one-line sources), so this works wherever apt does.
mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)\/\{0,1\}$/\1/p; s/^deb \(\[[^]]*\] \)\{0,1\}\(http[^ ]*debian\)\/\{0,1\} .*/\2/p' \
  /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null | head -1 || true)
mirror=${UPWARD_DEBIAN_MIRROR:-${mirror:-http://deb.debian.org/debian}}

work=target/base-build
rm -rf "$work" && mkdir -p "$work" "$(dirname "$out")"
echo "Building the base image: Debian $suite minbase + openjdk-17-jre-headless from $mirror..."
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$suite" "$work/rootfs" "$mirror" \
  > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }

# The user the services run as (185, as in the Quarkus team's own images), with a home to work in.
chroot "$work/rootfs" groupadd --system --gid 185 upward
chroot "$work/rootfs" useradd --system --uid 185 --gid 185 --home-dir /home/upward --create-home \
  --shell /usr/sbin/nologin upward
# What a runtime image never needs: package caches and lists, documentation, translations.
rm -rf "$work"/rootfs/var/cache/apt/* "$work"/rootfs/var/lib/apt/lists/* "$work"/rootfs/usr/share/doc/* \
  "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/locale/* "$work"/rootfs/var/log/* \
  "$work"/rootfs/dev/* "$work"/rootfs/proc/* "$work"/rootfs/sys/* "$work"/rootfs/tmp/* "$work"/rootfs/run/*
chmod 1777 "$work/rootfs/tmp"

tar --numeric-owner --sort=name --mtime=@0 -C "$work/rootfs" -cf "$work/layer.tar" .
java_home=$(readlink -f "$work/rootfs/usr/bin/java" | sed "s|^$(readlink -f "$work/rootfs")||; s|/bin/java$||")
python3 - "$work" "$java_home" "$suite" <<'PY'
import hashlib, json, sys
work, java_home, suite = sys.argv[1:4]
digest = hashlib.sha256(open(f"{work}/layer.tar", "rb").read()).hexdigest()
config = {
    "architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z",
    "config": {
        "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", f"JAVA_HOME={java_home}",
                "LANG=C.UTF-8"],
        "User": "185:185", "WorkingDir": "/home/upward",
        "Labels": {"org.opencontainers.image.description": f"Debian {suite} minbase with OpenJDK 17 (headless)"},
    },
    "rootfs": {"type": "layers", "diff_ids": [f"sha256:{digest}"]},
    "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/images/build-base-image.sh"}],
}
raw = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(raw).hexdigest() + ".json"
open(f"{work}/{config_name}", "wb").write(raw)
manifest = [{"Config": config_name, "RepoTags": ["upward/jre17-base:latest"], "Layers": ["layer.tar"]}]
open(f"{work}/manifest.json", "w").write(json.dumps(manifest))
PY
tar -C "$work" -cf "$out.partial" manifest.json "$(cd "$work" && ls ./*.json | grep -v manifest | xargs -n1 basename)" layer.tar
mv "$out.partial" "$out"
rm -rf "$work"
echo "Base image: $out ($(du -h "$out" | cut -f1))"
