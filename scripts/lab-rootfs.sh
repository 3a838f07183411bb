#!/usr/bin/env bash
# Builds (once) and caches the Debian 12 root file system that the level-2 lab boots with systemd-nspawn.
#
#   scripts/lab-rootfs.sh            # prints the path of the ready rootfs as the last line of stdout
#   scripts/lab-rootfs.sh --rebuild  # throws the current cache away first
#
# The cache directory is keyed by a hash of everything that decides its content (suite, mirror, package
# list and the recipe between the RECIPE markers below), so editing any of them builds a fresh one and
# removes the old. The cache is read-only for its users: the lab mounts it as the lower layer of a
# per-test overlayfs. Quiet on a cache hit; progress goes to stderr on a build.
set -euo pipefail

CACHE_ROOT="${WGAGENT_LAB_CACHE:-/var/cache/wgagent-lab}"

# --- RECIPE BEGIN (everything from here to RECIPE END is hashed into the cache key) ---
SUITE=bookworm
MIRROR=http://deb.debian.org/debian
# systemd..ca-certificates: what the lab host must have. procps, curl, iputils-ping: what tests run
# inside it (curl --unix-socket for the status API). apt and dpkg come with minbase; a later test
# installs ./wgagent_*.deb with apt, and the lab has no internet, so its dependencies must be here.
PACKAGES=(
    systemd systemd-sysv dbus
    iproute2 nftables wireguard-tools wireguard-go
    prometheus-node-exporter
    ca-certificates procps curl iputils-ping
)
HOSTNAME_IN_ROOTFS=wglab-node
# Units that have no job in a lab container (boot takes ~0.3 s without them as with them; this is about
# side effects). apt-daily*, dpkg-db-backup: may fire at boot (Persistent=) and take the dpkg lock
# while a test installs a package; e2scrub/fstrim: no block devices of our own; systemd-firstboot: an
# interactive prompt has no place on a read-only console.
MASKED_UNITS=(
    apt-daily.timer apt-daily-upgrade.timer
    e2scrub_all.timer fstrim.timer dpkg-db-backup.timer
    systemd-firstboot.service
)

configure_rootfs() {
    local root=$1
    echo "$HOSTNAME_IN_ROOTFS" > "$root/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' \
        "$HOSTNAME_IN_ROOTFS" > "$root/etc/hosts"

    # Same sources as the host (deb822), so apt inside resolves the same versions.
    rm -f "$root/etc/apt/sources.list"
    cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${MIRROR%/debian}/debian-security
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    # Package lists present, so `apt install ./x.deb` inside the (offline) container can resolve.
    chroot "$root" apt-get -qq update
    chroot "$root" apt-get -qq clean

    # debootstrap copied the build host's resolver; the lab has no DNS, and nothing should try it.
    echo '# wgagent lab: no DNS in the lab network' > "$root/etc/resolv.conf"

    # An empty machine-id: each boot gets a transient one from nspawn (its own journal), and it is
    # not "uninitialized", which would make systemd run first-boot units.
    : > "$root/etc/machine-id"
    rm -f "$root/var/lib/dbus/machine-id"

    systemctl --root="$root" --quiet mask "${MASKED_UNITS[@]}"
    # The postinst enables it, but a rootfs without it would boot fine and fail the scrape test
    # much later, so make it explicit.
    systemctl --root="$root" --quiet enable prometheus-node-exporter.service
}
# --- RECIPE END ---

log() { echo "lab-rootfs: $*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $(id -u) == 0 ]] || die "must run as root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"

rebuild=false
case "${1:-}" in
    --rebuild) rebuild=true ;;
    "") ;;
    *) die "unknown argument: $1 (usage: $0 [--rebuild])" ;;
esac

script_path=$(readlink -f "${BASH_SOURCE[0]}")
key=$(sed -n '/^# --- RECIPE BEGIN/,/^# --- RECIPE END/p' "$script_path" | sha256sum | cut -c1-16)
ready="$CACHE_ROOT/rootfs-$key"

mkdir -p "$CACHE_ROOT"
# One builder at a time; a second caller waits (bounded) and then finds the cache ready.
exec 9> "$CACHE_ROOT/.lock"
flock -w 1800 9 || die "timed out after 30 min waiting for $CACHE_ROOT/.lock"

# A cache directory still in use as an overlay lower layer must not vanish under a running container.
in_use() { findmnt -rn -t overlay -o OPTIONS | grep -q "lowerdir=$1\(,\|:\|$\)"; }

if $rebuild && [[ -d $ready ]]; then
    in_use "$ready" && die "$ready is in use by a booted lab host; stop it first"
    rm -rf --one-file-system "$ready"
fi

# Old keys and half-built temp dirs of crashed builds (we hold the lock, so no build is running).
for old in "$CACHE_ROOT"/rootfs-* "$CACHE_ROOT"/.build-*; do
    [[ -e $old && $old != "$ready" ]] || continue
    if in_use "$old"; then log "keeping $old: still mounted as an overlay lower layer"; continue; fi
    log "removing stale $old"
    rm -rf --one-file-system "$old"
done

if [[ ! -d $ready ]]; then
    start=$SECONDS
    tmp="$CACHE_ROOT/.build-$key-$$"
    trap 'rm -rf --one-file-system "$tmp"' EXIT
    log "building $ready (debootstrap $SUITE, ${#PACKAGES[@]} packages); this takes a minute"
    include=$(IFS=,; echo "${PACKAGES[*]}")
    debootstrap --variant=minbase --include="$include" "$SUITE" "$tmp" "$MIRROR" >&2 \
        || die "debootstrap failed (see above)"
    configure_rootfs "$tmp" >&2
    # Never publish a cache that lacks a package: every boot would then fail far from the cause.
    missing=$(chroot "$tmp" dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>&1 \
        | awk '$2 != "installed"') || true
    [[ -z $missing ]] || die "packages missing from the new rootfs: $missing"
    [[ -L "$tmp/etc/systemd/system/multi-user.target.wants/prometheus-node-exporter.service" ]] \
        || die "prometheus-node-exporter.service is not enabled in the new rootfs"
    mv -T "$tmp" "$ready"
    trap - EXIT
    log "built in $((SECONDS - start)) s: $(du -sh "$ready" | cut -f1)"
fi

echo "$ready"
