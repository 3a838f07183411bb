#!/usr/bin/env bash
# Kill-switch wall-time benchmarks (issue 4): the published `wgagent killswitch up`, process start to verified table,
# against `nft -f` of the very transaction it applies, in one hyperfine run each, inside a scratch network namespace
# (never the machine's own: a kill switch there would cut it off). Then the in-process rendering steps with
# BenchmarkDotNet (bench/WgAgent.Firewall.Bench). Prints Markdown tables with the ratios for BENCHMARKS.md.
#
# usage (root; `make publish` first):  bench/killswitch.sh
#   RUNS=30 LARGE_RUNS=10   hyperfine runs per command (small policy / 10k+10k policy)
#   WGAGENT=PATH            the binary to measure (default out/publish/linux-x64/wgagent)
#   BASELINE=PATH           another wgagent build measured in the same runs, e.g. an older commit's publish
#   SKIP_BDN=1              skip BenchmarkDotNet
#   BDN_ARGS="..."          BenchmarkDotNet's run length (default: 3 warmups, 15 iterations: ~3 minutes on 2 vCPUs;
#                           BenchmarkDotNet's own default takes ~9)
#
# Cases (every command runs `ip netns exec`-free: hyperfine itself runs inside the namespace, so the constant cost
# of entering it is not part of either side):
#   fresh apply      --prepare deletes table inet wgagent, the same prepare for every command of the case
#   already in place --prepare loads the table first; killswitch up only lists and compares (nft -f always replaces)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-30}
large_runs=${LARGE_RUNS:-10}
wgagent=$(realpath "${WGAGENT:-out/publish/linux-x64/wgagent}")
baseline=${BASELINE:+$(realpath "$BASELINE")}
out=$root/out/bench/killswitch/run

[ "$(id -u)" -eq 0 ] || { echo "killswitch.sh: needs root (network namespaces)" >&2; exit 1; }
[ -x "$wgagent" ] || { echo "killswitch.sh: missing $wgagent: run make publish" >&2; exit 1; }
for tool in hyperfine nft python3 ip; do
  command -v "$tool" >/dev/null || { echo "killswitch.sh: $tool is missing (make deps)" >&2; exit 1; }
done

ns="wgk-bench-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() { ip netns del "$ns" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
rm -rf "$out"; mkdir -p "$out"

python3 bench/killswitch_inputs.py "$out/in"
printf 'table inet wgagent {}\ndelete table inet wgagent\n' > "$out/reset.nft"
for size in small large; do
  # The exact transaction killswitch up applies; a config that prints any diagnostic is a broken benchmark.
  "$wgagent" render --config "$out/in/$size/wgagent.toml" > "$out/$size.nft" 2> "$out/$size.render-stderr"
  [ ! -s "$out/$size.render-stderr" ] || { cat "$out/$size.render-stderr" >&2; exit 1; }
done

ip netns add "$ns"
ip -n "$ns" link set lo up

# One case: hyperfine inside the namespace over "NAME|PREPARE|COMMAND" triples.
bench() {
  local name=$1 n=$2 warmup=$3; shift 3
  local args=(-N --warmup "$warmup" --runs "$n" --export-json "$out/$name.json" --export-markdown "$out/$name.md")
  local spec
  for spec in "$@"; do
    IFS='|' read -r label prepare command <<< "$spec"
    args+=(--prepare "$prepare" -n "$label" "$command")
  done
  echo "== $name ($n runs, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  (cd "$out" && ip netns exec "$ns" hyperfine "${args[@]}" >&2)
}

# The commands of one case, as NAME|PREPARE|COMMAND lines.
cases() {
  local size=$1
  local up="$wgagent killswitch up --config $out/in/$size/wgagent.toml --state-directory $out/state-$size"
  local reset="nft -f $out/reset.nft" load="nft -f $out/$size.nft"
  local specs=("nft -f (fresh)|$reset|nft -f $out/$size.nft"
               "killswitch up (fresh)|$reset|$up")
  specs+=("killswitch up (in place)|$load|$up")
  if [ -n "$baseline" ]; then
    local base="$baseline killswitch up --config $out/in/$size/wgagent.toml --state-directory $out/state-base-$size"
    specs+=("baseline build (fresh)|$reset|$base" "baseline build (in place)|$load|$base")
  fi
  printf '%s\n' "${specs[@]}"
}

# One apply first, so last-good.nft exists: the boot case is a host that has booted before.
prime() {
  local size=$1 binary state
  for binary in "$wgagent" ${baseline:+"$baseline"}; do
    state=$out/state-$size; [ "$binary" = "$wgagent" ] || state=$out/state-base-$size
    ip netns exec "$ns" "$binary" killswitch up --config "$out/in/$size/wgagent.toml" --state-directory "$state" >/dev/null
  done
}

prime small
mapfile -t small < <(cases small)
bench small "$runs" 3 "${small[@]}"
prime large
mapfile -t large < <(cases large)
bench large "$large_runs" 1 "${large[@]}"
# nft's own listing of the big table, for the Normalize benchmark (nft wraps and orders elements its own way).
ip netns exec "$ns" nft list table inet wgagent > "$out/in/large/listing.nft"
ip netns exec "$ns" nft -f "$out/small.nft"
ip netns exec "$ns" nft list table inet wgagent > "$out/in/small/listing.nft"
cleanup

if [ -z "${SKIP_BDN:-}" ]; then
  echo "== BenchmarkDotNet (bench/WgAgent.Firewall.Bench)" >&2
  WGAGENT_BENCH_KILLSWITCH_INPUTS=$out/in dotnet run -c Release --project bench/WgAgent.Firewall.Bench -- \
    --filter '*' --exporters json --artifacts "$out/bdn" ${BDN_ARGS:---warmupCount 3 --iterationCount 15} > "$out/bdn.log"
fi
python3 bench/killswitch_report.py "$out"
