#!/usr/bin/env python3
"""Prints bench/status.sh's results (RUN_DIR/results.json from bench/WgAgent.Status.Bench) as Markdown for
BENCHMARKS.md: `agentctl status` against `wg show wg0` and where agentctl's time goes; GET /v1/status under load against
the static responder; the uncached cost; the daemon's footprint; issue 6's goals checked.

Percentiles of the load are nearest-rank over every request of the window; hyperfine's figures are its own.

usage: status_report.py RUN_DIR
"""
import json
import os
import re
import statistics
import sys

GOAL_CLI_RATIO = 6.0
GOAL_RPS = 5000.0
GOAL_P99_MS = 2.0


def seconds(span):
    """System.Text.Json writes a TimeSpan as [d.]hh:mm:ss[.fffffff]."""
    h, m, sec = span.split(":")
    days, _, h = h.rpartition(".")
    return (int(days or 0) * 24 + int(h)) * 3600 + int(m) * 60 + float(sec)


def span(value):
    v = seconds(value)
    return f"{v:g} s" if v >= 1 else f"{v * 1000:g} ms"


def ms(value, digits=1):
    return f"{value:.{digits}f} ms"


def verdict(ok):
    return "**met**" if ok else "**NOT met**"


def header(r, run_dir):
    m = r["Machine"]
    v = r["Versions"]
    loads = ", ".join(f"{k} {val.split()[0]}" for k, val in r["LoadAverage"].items())
    others = max(r["OtherBootedHosts"].values(), default=0)
    print(f"Run of {r['StartedAt'][:10]} ({m['cpu']}, {m['cores']} vCPUs, {m['memory']}, {m['os']}, kernel {m['kernel']}; "
          f"in the node: systemd {v.get('systemd (node)', '?').split()[1]}, {v.get('wireguard-tools', '?').split(' - ')[0]}, "
          f"wg0 by {r.get('WireGuardImplementation')}; {v.get('hyperfine', '?')} inside the node, {v.get('strace (host)', '?')} on the host; "
          f"runner {v.get('runner .NET', '?')}). 1-minute load average at each part's start: {loads}; "
          f"other booted hosts on the machine: at most {others}. `agentctl status` said `{r.get('StateAtStart')}` when measuring began"
          f" and `{r.get('StateAtEnd')}` at the end. bench/status.sh's runner took {r.get('TotalSeconds', 0) / 60:.1f} min.\n")
    if r.get("ProblemsAtStart"):
        print("Problems at the start: " + "; ".join(r["ProblemsAtStart"]) + "\n")
    sizes = []
    for label, path in (("shipped agentctl (Native AOT)", "out/publish/linux-x64/agentctl"),
                        ("ReadyToRun build", r["Settings"].get("ReadyToRunAgentCtl") or "")):
        if path and os.path.exists(path):
            sizes.append(f"{label} {os.path.getsize(path) / 1e6:.1f} MB")
    if sizes:
        print("Binaries: " + ", ".join(sizes) + ".\n")
    r2r_log = os.path.join(run_dir, "r2r-publish.log")
    if os.path.exists(r2r_log):
        text = open(r2r_log, encoding="utf-8", errors="replace").read()
        warnings = sorted(set(re.findall(r"warning (IL\d+|CS\d+)[^\[]*", text)))
        print(f"ReadyToRun publish of agentctl (experiment): "
              f"{'warnings ' + ', '.join(warnings) if warnings else 'no warnings'}"
              f"{'' if ' error' not in text.lower() else ' (errors: see r2r-publish.log)'}.\n")


def hyperfine_table(rows, base_name):
    base = next(x for x in rows if x["Name"] == base_name)
    print("| command | median | mean ± σ | min … max | user + sys (mean) | exit | ratio (median) | ratio (mean) |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    for x in rows:
        exits = ", ".join(f"{k}×{n}" for k, n in x["ExitCodes"].items())
        print(f"| `{x['Command']}` | {ms(x['MedianMs'], 2)} | {ms(x['MeanMs'], 2)} ± {ms(x['StddevMs'], 2)} | "
              f"{ms(x['MinMs'], 2)} … {ms(x['MaxMs'], 2)} | {ms(x['UserMs'] + x['SystemMs'], 1)} | {exits} | "
              f"{x['MedianMs'] / base['MedianMs']:.2f}× | {x['MeanMs'] / base['MeanMs']:.2f}× |")
    print()


def cli(r):
    c = r.get("Cli")
    if not c:
        return None
    runs = c["Main"][0]["TimesMs"]
    print(f"`agentctl status` against `wg show wg0` ({len(runs)} runs each after {r['Settings']['CliWarmup']} warm-ups, "
          f"`hyperfine -N` inside the node; ratio = against `wg show wg0`):\n")
    hyperfine_table(c["Main"], "wg show wg0")
    if c["Experiments"]:
        n = len(c["Experiments"][0]["TimesMs"])
        print(f"Where agentctl's time goes — experiments in one hyperfine invocation ({n} runs each; ratio = against "
              f"`agentctl status` in the same invocation; the knob rows go through `env`, as does their reference row):\n")
        hyperfine_table(c["Experiments"], "agentctl status")
    for j in c.get("Jit", []):
        print(f"- `{j['Command']}` JIT-compiled {j['Methods']} methods ({j['Tier0']} at Tier0; {j['TouchingOurCode']} name an AgentCtl/WgAgent "
              f"type, {j['TouchingCommandLine']} System.CommandLine) despite ReadyToRun (DOTNET_JitDisasmSummary=1; the Native AOT build has no JIT).")
    for label, key in (("shipped Native AOT build", "Strace"), ("ReadyToRun build", "StraceReadyToRun")):
        t = c.get(key) or []
        if t:
            med = {k: statistics.median(x[k] for x in t) for k in t[0]}
            print(f"- strace timeline of `agentctl status`, {label} (median of {len(t)} calls; strace -f --seccomp-bpf slows it): "
                  f"exec → connect {ms(med['ExecToConnectMs'])}, connect → last byte of the answer {ms(med['ConnectToAnswerMs'])}, "
                  f"answer → first output write {ms(med['AnswerToOutputMs'])}, output → exit_group {ms(med['OutputToExitMs'])}; "
                  f"total {ms(med['TotalMs'])}, {med['Threads']:.0f} threads started.")
    for label, key in (("agentctl status", "StraceSummary"), ("wg show wg0", "StraceSummaryWg")):
        text = c.get(key) or ""
        total = re.search(r"100\.00\s+[\d.]+\s+\d+\s+(\d+)\s+(\d+)?\s*total", text)
        top = re.findall(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$", text, re.M)
        if total:
            busiest = ", ".join(f"{name} {calls}" for calls, name in sorted(top, key=lambda x: -int(x[0])) if name != "total")
            busiest = ", ".join(busiest.split(", ")[:5])
            print(f"- `strace -f -c` of one `{label}` (nsenter and env included): {total.group(1)} syscalls; most: {busiest}.")
    print()
    main = {x["Name"]: x for x in c["Main"]}
    return main


def load_table(runs):
    print("| round | server | mode | req/s | p50 | p90 | p99 | p99.9 | max | p99 from schedule | > 2 ms | stalls ≥ 10 ms /s | "
          "server CPU (% of one) | server RSS max | generator CPU | other booted hosts | errors |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for x in runs:
        lat, sched, srv = x["Latency"], x["LatencyFromSchedule"], x["Server"]
        mode = "saturating" if x["Mode"] == "saturating" else f"paced {x['OfferedRate']:.0f}/s"
        children = f" (+{srv['ChildCpuPercent']:.1f} % children)" if srv["ChildCpuPercent"] > 0 else ""
        print(f"| {x['Round']} | {x['Target']} | {mode} | {x['RequestsPerSecond']:,.0f} | {ms(lat['P50Ms'], 2)} | {ms(lat['P90Ms'], 2)} | "
              f"**{ms(lat['P99Ms'], 2)}** | {ms(lat['P999Ms'], 1)} | {ms(lat['MaxMs'], 1)} | "
              f"{ms(sched['P99Ms'], 2) if x['Mode'] == 'paced' else ''} | {x['SlowerThanGoalPercent']:.2f} % | {x['StallsPerSecond']:.1f} | "
              f"{srv['CpuPercent']:.0f} %{children} | "
              f"{srv['RssMaxMiB']:.1f} MiB | {x['GeneratorCpuPercent']:.0f} % | {x.get('OtherBootedHosts', 0)} | "
              f"{x['Errors'] + x['NotOk']} |")
    print()


def load(r):
    lr = r.get("Load")
    if not lr:
        return None
    s = r["Settings"]
    runs = lr["Runs"]
    print(f"GET /v1/status, {s['Connections']} keep-alive connections, {span(s['LoadWarmup'])} warm-up + {span(s['LoadDuration'])} measured "
          f"(answer: {lr['AnswerBodyBytes']} bytes of JSON); the daemon (`wgagent run` under systemd in the node, reached through "
          f"`{lr['DaemonSocket']}`) and the static responder (baseline), rounds alternating:\n")
    load_table(runs)

    def pick(target, mode):
        return [x for x in runs if x["Target"] == target and x["Mode"] == mode]

    d_sat, b_sat, d_pace, b_pace = pick("daemon", "saturating"), pick("baseline", "saturating"), pick("daemon", "paced"), pick("baseline", "paced")
    if d_sat and b_sat:
        ratios = [d["RequestsPerSecond"] / b["RequestsPerSecond"] for d, b in zip(d_sat, b_sat)]
        cpu = [d["Server"]["CpuPercent"] * 10 / d["RequestsPerSecond"] for d in d_sat]
        bcpu = [b["Server"]["CpuPercent"] * 10 / b["RequestsPerSecond"] for b in b_sat]
        kernel = [d["Server"]["SystemCpuPercent"] / d["Server"]["CpuPercent"] * 100 for d in d_sat if d["Server"]["CpuPercent"] > 0]
        bkernel = [b["Server"]["SystemCpuPercent"] / b["Server"]["CpuPercent"] * 100 for b in b_sat if b["Server"]["CpuPercent"] > 0]
        print(f"- Throughput, daemon / baseline (saturating, per round): {', '.join(f'{x:.3f}×' for x in ratios)}. Server CPU per "
              f"request: daemon {', '.join(f'{x * 1000:.0f}' for x in cpu)} µs ({', '.join(f'{x:.0f} %' for x in kernel)} of it in the "
              f"kernel), baseline {', '.join(f'{x * 1000:.0f}' for x in bcpu)} µs ({', '.join(f'{x:.0f} %' for x in bkernel)} in the kernel).")
    if d_pace and b_pace:
        ratios = [d["Latency"]["P99Ms"] / b["Latency"]["P99Ms"] for d, b in zip(d_pace, b_pace)]
        p50 = [d["Latency"]["P50Ms"] / b["Latency"]["P50Ms"] for d, b in zip(d_pace, b_pace)]
        bursts = ", ".join(f"{d['SlowBurstsPerSecond']:.1f}" for d in d_pace)
        stalls = ", ".join(f"{d['StallsPerSecond']:.1f}" for d in d_pace)
        held = ", ".join(f"{d['InStallsPercent']:.2f} %" for d in d_pace)
        print(f"- Latency at {d_pace[0]['OfferedRate']:.0f} req/s, daemon / baseline (per round): p99 {', '.join(f'{x:.1f}×' for x in ratios)}; "
              f"p50 {', '.join(f'{x:.1f}×' for x in p50)}. Slow bursts (requests over 2 ms less than 20 ms apart), daemon: "
              f"{bursts} per second, of which stalls (slowest ≥ 10 ms) {stalls} per second holding {held} of all requests.")
    for p in lr.get("Syscalls", []):
        calls = ", ".join(f"{c['Call']} {c['PerRequest']:.2f}" for c in p["PerRequest"][:8])
        total = sum(c["PerRequest"] for c in p["PerRequest"])
        print(f"- System calls per request, {p['Target']} (extra paced run with `strace -f -c -p` attached, {p['Requests']:,} requests): "
              f"{total:.1f} in all; {calls}.")
    u = lr.get("Uncached")
    if u:
        un, ca = u["Uncached"], u["Cached"]
        print(f"- Uncached: one GET after a quiet spell longer than the 1 s stale limit, then one at once ({un['Count']} pairs, one every "
              f"{span(s['UncachedInterval'])}): the first (waits for a full read of the kernel and the units, then composing) p50 {ms(un['P50Ms'], 2)}, "
              f"p90 {ms(un['P90Ms'], 2)}, max {ms(un['MaxMs'], 2)}; the second (from the new answers) p50 {ms(ca['P50Ms'], 2)}, "
              f"max {ms(ca['MaxMs'], 2)}. One read and composition takes about {un['P50Ms'] - ca['P50Ms']:.1f} ms of wall time; under "
              f"steady requests it runs in the background while the previous answers are served.")
    print(f"- Daemon memory: VmRSS {lr['DaemonIdleRssMiB']:.1f} MiB before the load, at most "
          f"{max(x['Server']['RssMaxMiB'] for x in runs if x['Target'] == 'daemon'):.1f} MiB during it, {lr['DaemonAfterRssMiB']:.1f} MiB "
          f"after; peak (VmHWM) {lr['DaemonHwmMiB']:.1f} MiB. Threads at most "
          f"{max(x['Server']['ThreadsMax'] for x in runs if x['Target'] == 'daemon')}.")
    print()
    return d_sat, d_pace


def goals(main, figures):
    print("Goals (issue 6):\n")
    if main:
        wg, ctl = main["wg show wg0"], main["agentctl status"]
        med, mean = ctl["MedianMs"] / wg["MedianMs"], ctl["MeanMs"] / wg["MeanMs"]
        line = (f"- (1) `agentctl status` ≤ {GOAL_CLI_RATIO:.0f}× `wg show wg0`: {med:.1f}× (median: {ms(ctl['MedianMs'])} against "
                f"{ms(wg['MedianMs'], 2)}), {mean:.1f}× (mean): {verdict(med <= GOAL_CLI_RATIO and mean <= GOAL_CLI_RATIO)}.")
        r2r = next((x for n, x in main.items() if "ReadyToRun" in n), None)
        if r2r:
            line += (f" The ReadyToRun build of the same source (experiment): {r2r['MedianMs'] / wg['MedianMs']:.1f}× (median, "
                     f"{ms(r2r['MedianMs'], 2)}), {r2r['MeanMs'] / wg['MeanMs']:.1f}× (mean).")
        print(line)
    if figures:
        d_sat, d_pace = figures
        if d_sat:
            rps = min(x["RequestsPerSecond"] for x in d_sat)
            print(f"- (2a) ≥ {GOAL_RPS:,.0f} req/s at 100 concurrent clients: {rps:,.0f} req/s in the slower round: {verdict(rps >= GOAL_RPS)}.")
        if d_pace:
            p99 = max(x["Latency"]["P99Ms"] for x in d_pace)
            print(f"- (2b) p99 ≤ {GOAL_P99_MS:.0f} ms at 100 concurrent clients, judged at {d_pace[0]['OfferedRate']:,.0f} req/s: {ms(p99, 2)} "
                  f"in the worse round: {verdict(p99 <= GOAL_P99_MS)}.")
        if d_sat:
            p99 = max(x["Latency"]["P99Ms"] for x in d_sat)
            print(f"  Saturating (every connection back-to-back), p99 is {ms(p99, 1)}.")
    print()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    run_dir = sys.argv[1]
    with open(os.path.join(run_dir, "results.json"), encoding="utf-8") as f:
        r = json.load(f)
    header(r, run_dir)
    main_rows = cli(r)
    figures = load(r)
    goals(main_rows, figures)


if __name__ == "__main__":
    main()
