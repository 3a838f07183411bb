#!/usr/bin/env bash
# Daemon benchmarks (issue 5): the published `wgagent run` as systemd runs it (wgagent.service, Type=notify) in the
# lab's booted Debian 12 node (systemd-nspawn inside the lab's node namespace, a real WireGuard tunnel to the monitor,
# Prometheus there scraping node_exporter). bench/WgAgent.Daemon.Bench does the work; this script builds, runs it and
# prints the Markdown for BENCHMARKS.md (bench/daemon_report.py).
#
# usage (root; runs `make publish` first when out/publish is missing or older than src/):  bench/daemon.sh
#   ITERATIONS=100 WARMUP=3    measured + warm-up iterations of each tunnel-event case (no-op bind, rebind);
#                              100, so that p99 is a sample of its own (nearest rank), not the maximum
#   COLD_ITERATIONS=20         `systemctl start wgagent` with wg0 already up (0: skip)
#   IDLE_SETTLE=60             seconds both services run before the idle figures are taken
#   IDLE_WINDOW=60 IDLE_WINDOWS=3   CPU windows (seconds each, how many; 0 windows: skip the idle part)
#   SETTLE_MS=500              pause between the daemon's "waiting for wg0" and starting wg-quick
#   SCRAPE_INTERVAL=15         Prometheus's scrape interval of node_exporter during the idle part
#
# Phases (one boot, in this order): idle footprint of the daemon the boot started; wg0 up → READY=1 with the exporter's
# socket unit already naming the address (no-op bind); the same with wg0.conf's Address changed while the daemon waits
# (rebind: exporter stopped, socket unit rewritten, daemon-reload, started); cold start. Everything lives in lab
# namespaces and the nspawn host, removed on exit and on Ctrl+C; this machine's firewall, routes and units are untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-out/bench/daemon/run}
wgagent=out/publish/linux-x64/wgagent
project=bench/WgAgent.Daemon.Bench

[ "$(id -u)" -eq 0 ] || { echo "daemon.sh: needs root (namespaces, systemd-nspawn)" >&2; exit 1; }
for tool in systemd-nspawn nsenter ip wg wireguard-go groupadd python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "daemon.sh: $tool is missing (make deps)" >&2; exit 1; }
done

# The units come from systemd/ of this checkout at run time; only the binary can be stale.
if [ ! -x "$wgagent" ] || [ -n "$(find src VERSION Directory.Build.props Directory.Packages.props -newer "$wgagent" -type f \
     -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  echo "== make publish (out/publish is missing or older than src/)" >&2
  make publish >&2
fi

echo "== building $project" >&2
dotnet build "$project" -c Release --nologo -v quiet -clp:NoSummary >&2

rm -rf "$out"; mkdir -p "$out"
start=$SECONDS
# In the foreground, so Ctrl+C reaches the runner, which tears the lab down itself (exit 130).
dotnet "$project/bin/Release/net10.0/WgAgent.Daemon.Bench.dll" --out "$out" \
  --iterations "${ITERATIONS:-100}" --warmup "${WARMUP:-3}" --cold-iterations "${COLD_ITERATIONS:-20}" \
  --idle-settle "${IDLE_SETTLE:-60}" --idle-window "${IDLE_WINDOW:-60}" --idle-windows "${IDLE_WINDOWS:-3}" \
  --settle-ms "${SETTLE_MS:-500}" --scrape-interval "${SCRAPE_INTERVAL:-15}"
echo "== runner finished in $((SECONDS - start)) s" >&2
python3 bench/daemon_report.py "$out"
