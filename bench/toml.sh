#!/usr/bin/env bash
# TOML parse benchmarks, wgagent's parser against Python's tomllib on the very same files, in one run:
# the shipped default config and a generated ~1 MB document. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/bench/toml; rm -rf "$out"; mkdir -p "$out"
export WGAGENT_BENCH_DEFAULT_CONFIG=$PWD/packaging/wgagent.toml
export WGAGENT_BENCH_LARGE_DOCUMENT=$PWD/$out/large.toml

dotnet run -c Release --project bench/WgAgent.Toml.Bench -- --write-document "$WGAGENT_BENCH_LARGE_DOCUMENT"
dotnet run -c Release --project bench/WgAgent.Toml.Bench -- --filter '*' --exporters json --artifacts "$out/bdn" \
  > "$out/bdn.log"
python3 bench/tomllib_compare.py "$out/bdn/results" "$WGAGENT_BENCH_DEFAULT_CONFIG" "$WGAGENT_BENCH_LARGE_DOCUMENT"
