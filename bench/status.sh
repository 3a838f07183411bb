#!/usr/bin/env bash
# Status API and agentctl benchmarks (issue 6), in the lab's booted Debian 12 node (systemd-nspawn inside the lab's node
# namespace, a real WireGuard tunnel to the monitor) with the published wgagent installed as the package installs it and
# wgagent.service running as systemd runs it. bench/WgAgent.Status.Bench does the work; this script builds, runs it and
# prints the Markdown for BENCHMARKS.md (bench/status_report.py).
#
#   1. `agentctl status` against `wg show wg0`: hyperfine inside the node (the host's /usr/bin/hyperfine copied in before
#      the boot; it needs only libc, libm and libgcc_s), then experiments that take agentctl's time apart (its parts, a
#      ReadyToRun build of the same source next to the shipped Native AOT one) and strace timelines of single calls.
#   2. GET /v1/status at 100 keep-alive connections on the daemon's socket, saturating and paced at 5,000 req/s, against
#      a static responder in the same run (the baseline); then the cost of one fresh read and composition, which requests
#      wait for only after a quiet second.
#
# usage (root; runs `make publish` first when out/publish is missing or older than src/):  bench/status.sh
#   CLI_RUNS=100 CLI_WARMUP=10   hyperfine runs (≥ 50) and warm-ups of the main comparison
#   EXPERIMENT_RUNS=40           hyperfine runs of each experiment (0: skip)
#   STRACE_RUNS=20               straced calls of agentctl status (0: skip)
#   R2R=1                        also publish agentctl as ReadyToRun (-p:PublishAot=false with make publish's flags; an
#                                experiment, from a copy of the sources, so src/'s obj/ is not touched) to
#                                R2R_OUT=/tmp/agentctl-r2r and measure it next to the shipped Native AOT build (0: skip)
#   DAEMON_ENV="K=V …"           environment for wgagent.service in the node (a drop-in; experiments), default none
#   CONNECTIONS=100 DURATION=10 LOAD_WARMUP=3 PACED_RATE=5000 ROUNDS=2   the load (seconds; PACED_RATE=0: no paced runs)
#   UNCACHED_SAMPLES=50 UNCACHED_INTERVAL_MS=1100                      the uncached probe (0 samples: skip)
#
# Everything lives in lab namespaces, the nspawn host and a temporary directory, removed on exit and on Ctrl+C; this
# machine's firewall, routes and units are untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-out/bench/status/run}
wgagent=out/publish/linux-x64/wgagent
agentctl=out/publish/linux-x64/agentctl
project=bench/WgAgent.Status.Bench
r2r_out=${R2R_OUT:-/tmp/agentctl-r2r}

[ "$(id -u)" -eq 0 ] || { echo "status.sh: needs root (namespaces, systemd-nspawn)" >&2; exit 1; }
for tool in systemd-nspawn nsenter ip wg wireguard-go hyperfine strace python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "status.sh: $tool is missing (make deps; apt-get install hyperfine strace)" >&2; exit 1; }
done

if [ ! -x "$wgagent" ] || [ ! -x "$agentctl" ] || [ -n "$(find src VERSION Directory.Build.props Directory.Packages.props -newer "$agentctl" \
     -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  echo "== make publish (out/publish is missing or older than src/)" >&2
  make publish >&2
fi

rm -rf "$out"; mkdir -p "$out"
r2r_args=()
if [ "${R2R:-1}" != 0 ]; then
  # What Native AOT buys, measured in the same run: the same source published as make publish did before agentctl was
  # Native AOT (trimmed ReadyToRun single file). Published from a copy of the three projects it builds from (and the shared props), so neither src/'s
  # obj/ nor out/publish changes.
  scratch=$(mktemp -d /tmp/agentctl-r2r-src.XXXXXX)
  trap 'rm -rf "$scratch"' EXIT
  cp Directory.Build.props Directory.Packages.props global.json VERSION "$scratch/"
  mkdir -p "$scratch/src"
  tar -C src --exclude=bin --exclude=obj -cf - AgentCtl WgAgent.Core WgAgent.Toml | tar -C "$scratch/src" -xf -
  rm -rf "$r2r_out"
  echo "== dotnet publish src/AgentCtl -p:PublishAot=false (ReadyToRun; experiment; log: $out/r2r-publish.log)" >&2
  if dotnet publish "$scratch/src/AgentCtl" -c Release -r linux-x64 -p:PublishAot=false --self-contained -p:PublishTrimmed=true \
       -p:PublishReadyToRun=true -p:PublishSingleFile=true -p:DebugType=none -p:PublishDocumentationFile=false -o "$r2r_out" --nologo \
       -clp:NoSummary >"$out/r2r-publish.log" 2>&1 && [ -x "$r2r_out/agentctl" ]; then
    r2r_args=(--r2r-agentctl "$r2r_out/agentctl")
  else
    echo "status.sh: the ReadyToRun publish failed (see $out/r2r-publish.log); measuring without it" >&2
  fi
fi

echo "== building $project" >&2
dotnet build "$project" -c Release --nologo -v quiet -clp:NoSummary >&2

start=$SECONDS
# In the foreground, so Ctrl+C reaches the runner, which tears the lab down itself (exit 130).
dotnet "$project/bin/Release/net10.0/WgAgent.Status.Bench.dll" --out "$out" "${r2r_args[@]}" \
  --cli-runs "${CLI_RUNS:-100}" --cli-warmup "${CLI_WARMUP:-10}" --experiment-runs "${EXPERIMENT_RUNS:-40}" \
  --strace-runs "${STRACE_RUNS:-20}" --connections "${CONNECTIONS:-100}" --duration "${DURATION:-10}" \
  --load-warmup "${LOAD_WARMUP:-3}" --paced-rate "${PACED_RATE:-5000}" --rounds "${ROUNDS:-2}" \
  --daemon-env "${DAEMON_ENV:-}" --uncached-samples "${UNCACHED_SAMPLES:-50}" --uncached-interval-ms "${UNCACHED_INTERVAL_MS:-1100}"
echo "== runner finished in $((SECONDS - start)) s" >&2
python3 bench/status_report.py "$out"
