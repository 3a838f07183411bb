#!/usr/bin/env python3
"""Prints bench/killswitch.sh's results as Markdown for BENCHMARKS.md: per case, every command's median, mean and
range with its ratio to `nft -f` (fresh) of the same run; the goals of issue 4 checked; the BenchmarkDotNet medians.

usage: killswitch_report.py RUN_DIR
"""
import glob
import json
import os
import sys

BASELINE = "nft -f (fresh)"
SMALL_GOAL_RATIO = 2.0  # killswitch up (fresh) / nft -f (fresh)
LARGE_GOAL_MS = 300.0  # killswitch up (fresh), 10k scrapers + 10k LAN networks


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def load(run_dir, case):
    with open(os.path.join(run_dir, f"{case}.json"), encoding="utf-8") as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def table(title, results):
    base = results[BASELINE]
    print(f"{title} ({len(base['times'])} runs each; ratio = median / median of `{BASELINE}`, mean / mean)\n")
    print("| command | median | mean ± σ | min … max | ratio (median) | ratio (mean) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {ms(r['median'])} | {ms(r['mean'])} ± {ms(r['stddev'])} | {ms(r['min'])} … {ms(r['max'])} "
              f"| {r['median'] / base['median']:.2f}× | {r['mean'] / base['mean']:.2f}× |")
    print()


def verdict(ok):
    return "**met**" if ok else "**NOT met**"


def goals(small, large):
    base = small[BASELINE]
    print("Goals (issue 4):\n")
    for name in ("killswitch up (fresh)",):
        if name in small:
            r = small[name]
            ratio_median, ratio_mean = r["median"] / base["median"], r["mean"] / base["mean"]
            print(f"- small policy, `{name}` / `nft -f`: {ratio_median:.2f}× (median), {ratio_mean:.2f}× (mean); "
                  f"goal ≤ {SMALL_GOAL_RATIO}×: {verdict(max(ratio_median, ratio_mean) <= SMALL_GOAL_RATIO)}")
    for name in ("killswitch up (fresh)",):
        if name in large:
            r = large[name]
            print(f"- 10k+10k, `{name}`: {ms(r['median'])} median, {ms(r['mean'])} mean, {ms(r['max'])} max; "
                  f"goal ≤ {LARGE_GOAL_MS:.0f} ms: {verdict(max(r['median'], r['mean']) * 1000 <= LARGE_GOAL_MS)}")
    print()


def bdn(run_dir):
    reports = glob.glob(os.path.join(run_dir, "bdn", "results", "*-report-full-compressed.json"))
    if not reports:
        return
    with open(reports[0], encoding="utf-8") as f:
        report = json.load(f)
    print(f"In-process steps, BenchmarkDotNet ({report['HostEnvironmentInfo']['RuntimeVersion']}, JIT, median):\n")
    print("| step | small policy | 10k+10k policy | allocated (small / 10k+10k) |")
    print("|---|---:|---:|---:|")
    rows = {}
    for b in report["Benchmarks"]:
        policy = b["Parameters"].split("=")[-1]
        stats = b["Statistics"]
        allocated = (b.get("Memory") or {}).get("BytesAllocatedPerOperation")
        rows.setdefault(b["MethodTitle"].strip("'"), {})[policy] = (stats["Median"], allocated)

    def time(ns):
        return f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.1f} µs"

    def size(n):
        return "?" if n is None else f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} KB"

    for method, by in rows.items():
        small, large = by.get("small", (0, None)), by.get("large", (0, None))
        print(f"| {method} | {time(small[0])} | {time(large[0])} | {size(small[1])} / {size(large[1])} |")
    print()


def main():
    run_dir = sys.argv[1]
    small, large = load(run_dir, "small"), load(run_dir, "large")
    table("Small policy (egress tunnel, inbound restricted, one exporter, two peers)", small)
    table("10,000 single-host scrapers + 10,000 LAN networks", large)
    goals(small, large)
    bdn(run_dir)


if __name__ == "__main__":
    main()
