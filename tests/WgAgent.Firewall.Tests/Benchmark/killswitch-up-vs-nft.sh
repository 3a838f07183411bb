#!/usr/bin/env bash
# Wall time of `wgagent killswitch up` (published binary, process start to verified table) against `nft -f` of the
# same rendered script, in a scratch network namespace (never the machine's own). Runs alternate so both see the
# same machine load. Usage: killswitch-up-vs-nft.sh [RUNS]   (root; `make publish` first)
set -euo pipefail
runs=${1:-30}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
wgagent="$root/out/publish/linux-x64/wgagent"
[ -x "$wgagent" ] || { echo "missing $wgagent: run make publish" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }

ns="wgk-fwt-bench-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work=$(mktemp -d /tmp/wgk-fwt-bench.XXXXXX)
cleanup() { ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

cat > "$work/wg0.conf" <<CONF
[Interface]
Address = 10.77.0.2/24, fd77::2/64
PrivateKey = WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo=
ListenPort = 51820
FwMark = 0xca6c

[Peer]
PublicKey = AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=
Endpoint = 198.51.100.20:51820
AllowedIPs = 10.77.0.1/32
CONF
cat > "$work/wgagent.toml" <<CONF
[wireguard]
config = "$work/wg0.conf"
[killswitch]
egress = "tunnel"
inbound = "restricted"
allow_inbound = ["tcp/22"]
[[exporter]]
name = "node"
unit = "prometheus-node-exporter.service"
port = 9100
scrapers = ["10.77.0.1"]
CONF
"$wgagent" render --config "$work/wgagent.toml" > "$work/rendered.nft"
ip netns add "$ns"
ip -n "$ns" link set lo up

# One bash inside the namespace runs every sample, so `ip netns exec` itself is not measured.
ip netns exec "$ns" bash -s "$runs" "$wgagent" "$work" <<'INNER'
runs=$1 wgagent=$2 work=$3
up=() nft=() noop=()
us() { echo $(( ($2 - $1) / 1000 )); }
for _ in $(seq "$runs"); do
  nft delete table inet wgagent 2>/dev/null || true
  s=$(date +%s%N); "$wgagent" killswitch up --config "$work/wgagent.toml" --state-directory "$work/state" >/dev/null; e=$(date +%s%N)
  up+=("$(us "$s" "$e")")
  s=$(date +%s%N); "$wgagent" killswitch up --config "$work/wgagent.toml" --state-directory "$work/state" >/dev/null; e=$(date +%s%N)
  noop+=("$(us "$s" "$e")")
  nft delete table inet wgagent
  s=$(date +%s%N); nft -f "$work/rendered.nft"; e=$(date +%s%N)
  nft+=("$(us "$s" "$e")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_up=$(median "${up[@]}") m_noop=$(median "${noop[@]}") m_nft=$(median "${nft[@]}")
printf 'runs %d, load %s\n' "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'nft -f rendered        median %6.1f ms\n' "$(echo "$m_nft / 1000" | bc -l)"
printf 'wgagent killswitch up  median %6.1f ms  (%.2fx)\n' "$(echo "$m_up / 1000" | bc -l)" "$(echo "$m_up / $m_nft" | bc -l)"
printf '  ... already in place median %6.1f ms  (%.2fx)\n' "$(echo "$m_noop / 1000" | bc -l)" "$(echo "$m_noop / $m_nft" | bc -l)"
INNER
