#!/usr/bin/env bash
# Builds the wgagent .deb for one architecture from nfpm.yaml (the package spec) with the repo's own builder,
# packaging/DebBuild, which packs it with dpkg-deb (nfpm itself is not obtainable on the build machines).
#
#   scripts/build-deb.sh --arch amd64|arm64 [--version V] [--out DIR]    -> DIR/wgagent_<V>_<arch>.deb
#
# V defaults to the VERSION file, DIR to out/deb. The binaries must be published first (make publish /
# make publish-arm64: out/publish/linux-<x64|arm64>/). The gzipped man pages and changelog that nfpm.yaml names
# in out/package/ are made here (gzip -9n: no name, no timestamp, so the same input gives the same bytes).
# Timestamps come from SOURCE_DATE_EPOCH, by default the date of the newest packaging/changelog entry.
set -euo pipefail
cd "$(dirname "$0")/.."

arch="" version="" out=out/deb
usage() { echo "usage: $0 --arch amd64|arm64 [--version V] [--out DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=${2:-}; shift 2 ;;
    --version) version=${2:-}; shift 2 ;;
    --out) out=${2:-}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "build-deb: unknown argument: $1" >&2; usage ;;
  esac
done
case "$arch" in
  amd64) rid_arch=x64 machine="x86-64" ;;
  arm64) rid_arch=arm64 machine="ARM aarch64" ;;
  *) usage ;;
esac
[ -n "$version" ] || version=$(tr -d '[:space:]' < VERSION)

# The binaries: present, and built for the architecture the package claims (file(1) names the ELF machine).
publish=out/publish/linux-$rid_arch
for bin in wgagent agentctl; do
  if [ ! -f "$publish/$bin" ]; then
    echo "build-deb: $publish/$bin is missing: publish first (make publish RID=linux-$rid_arch, or make publish-$arch)" >&2
    exit 1
  fi
  if ! file -b "$publish/$bin" | grep -q "$machine"; then
    echo "build-deb: $publish/$bin is not a $machine executable: $(file -b "$publish/$bin")" >&2
    exit 1
  fi
done

# The files nfpm would need ready-made: gzip into a temporary name, then rename, so that a concurrent build never
# packs a half-written file.
mkdir -p out/package
compress() { # SOURCE TARGET
  if [ ! -f "$1" ]; then echo "build-deb: $1 is missing" >&2; exit 1; fi
  gzip -9n -c "$1" > "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"
}
for page in packaging/man/wgagent.8 packaging/man/agentctl.1 packaging/man/wgagent.toml.5; do
  compress "$page" "out/package/$(basename "$page").gz"
done
compress packaging/changelog out/package/changelog.gz

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l packaging/changelog -STimestamp)
fi
export SOURCE_DATE_EPOCH

if ! log=$(dotnet build packaging/DebBuild/WgAgent.DebBuild.csproj -c Release --nologo -v quiet -clp:NoSummary 2>&1); then
  echo "$log" >&2; echo "build-deb: building packaging/DebBuild failed" >&2; exit 1
fi
dotnet packaging/DebBuild/bin/Release/net10.0/wgagent-debbuild.dll --spec nfpm.yaml --out "$out" \
  --var "ARCH=$arch" --var "RID_ARCH=$rid_arch" --var "VERSION=$version"
