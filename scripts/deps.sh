#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the demo need. Idempotent: when every package is
# already installed it changes nothing and does not even refresh the package lists.
set -euo pipefail

packages=(
  # the kill switch and the tunnel
  nftables wireguard-tools wireguard-go iproute2 conntrack
  # the lab: real exporters and Prometheus, probes, echo targets
  prometheus prometheus-node-exporter curl socat ncat iputils-ping
  # the level-2 lab: a Debian 12 rootfs booted with systemd-nspawn
  debootstrap systemd-container
  # packaging and checks
  dpkg-dev lintian python3 hyperfine
  # Native AOT publishing of wgagent links with the C toolchain
  gcc libc6-dev zlib1g-dev
  # make deb: linux-arm64 cross-publishing (Native AOT links with clang --target=aarch64-linux-gnu through the
  # Debian cross binutils, libc and libgcc; llvm-objcopy strips), file(1) to check each binary's machine
  clang llvm binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross file
)

if [ "$(id -u)" -ne 0 ]; then
  echo "deps: must run as root (it installs Debian packages and the lab needs root)" >&2
  exit 1
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "deps: the .NET SDK is missing: install the SDK pinned in global.json (dotnet on PATH)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#packages[@]} Debian packages present"
  exit 0
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
