#!/usr/bin/env python3
"""Times Python's tomllib on the files the BenchmarkDotNet run parsed, and prints both side by side with the ratio.

usage: tomllib_compare.py BDN_RESULTS_DIR DEFAULT_CONFIG LARGE_DOCUMENT
"""
import glob, json, statistics, sys, time, tomllib

def tomllib_median_ns(path, budget_s=3.0):
    data = open(path, "rb").read()
    tomllib.loads(data.decode("utf-8"))  # warm up
    runs, deadline = [], time.perf_counter() + budget_s
    while time.perf_counter() < deadline or len(runs) < 5:
        start = time.perf_counter_ns()
        tomllib.loads(data.decode("utf-8"))  # tomllib takes str; decoding is part of its work
        runs.append(time.perf_counter_ns() - start)
    return statistics.median(runs), len(data)

results_dir, default_config, large = sys.argv[1:4]
report = json.load(open(glob.glob(f"{results_dir}/*-report-full-compressed.json")[0]))
dotnet = {b["Method"]: b["Statistics"]["Median"] for b in report["Benchmarks"]}
rows = [("default wgagent.toml", "DefaultConfig", default_config), ("generated ~1 MB document", "LargeDocument", large)]
print(f"| input | bytes | wgagent (median) | tomllib (median) | tomllib / wgagent |")
print(f"|---|---:|---:|---:|---:|")
for label, method, path in rows:
    py_ns, size = tomllib_median_ns(path)
    ours = dotnet[method]
    fmt = lambda ns: f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.1f} µs"
    print(f"| {label} | {size} | {fmt(ours)} | {fmt(py_ns)} | {py_ns / ours:.1f}× |")
print(f"\nPython {sys.version.split()[0]}; .NET medians from BenchmarkDotNet ({report['HostEnvironmentInfo']['RuntimeVersion']}).")
