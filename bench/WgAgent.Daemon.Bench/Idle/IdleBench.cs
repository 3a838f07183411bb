using System.Globalization;
using WgAgent.Daemon.Bench.Interop;
using WgAgent.Daemon.Bench.Node;
using WgAgent.Lab.Prometheus;

namespace WgAgent.Daemon.Bench.Idle;

/// <summary>
/// Idle footprint of the daemon next to node_exporter in the same booted host: both have run at least
/// <see cref="BenchSettings.IdleSettle"/>, nothing is changed meanwhile, Prometheus in the monitor scrapes node_exporter
/// at <see cref="BenchSettings.ScrapeInterval"/> (nobody talks to wgagent). Memory from /proc/PID/status and
/// smaps_rollup; CPU as utime+stime of the main process (clock ticks) and the unit cgroup's usage_usec, read at the
/// start and the end of each window.
/// </summary>
internal sealed class IdleBench(NodeShell node, PrometheusServer prometheus, BenchSettings settings, Action<string> log)
{
    private const string Separator = "----8<----";

    /// <summary>Waits until both have settled, then measures.</summary>
    public async Task<IdleResult> RunAsync(CancellationToken cancellationToken)
    {
        var ticks = int.Parse((await node.RunAsync(["getconf", "CLK_TCK"], cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        string[] properties = ["MainPID", "ActiveState", "ActiveEnterTimestampMonotonic", "ExecMainStartTimestampMonotonic", "ControlGroup"];
        var agent = await node.ShowAsync(NodeInstaller.DaemonUnit, properties, cancellationToken);
        var exporter = await node.ShowAsync(NodeInstaller.ExporterUnit, properties, cancellationToken);
        if (agent["ActiveState"] != "active" || exporter["ActiveState"] != "active")
        {
            throw new InvalidOperationException($"not idle: wgagent.service {agent["ActiveState"]}, node_exporter {exporter["ActiveState"]}");
        }

        var agentReady = NodeShell.MonotonicNanoseconds(agent, "ActiveEnterTimestampMonotonic")!.Value;
        var exporterStart = NodeShell.MonotonicNanoseconds(exporter, "ExecMainStartTimestampMonotonic")!.Value;
        var settleUntil = Math.Max(agentReady, exporterStart) + (long)settings.IdleSettle.TotalNanoseconds;
        var wait = TimeSpan.FromTicks(Math.Max(0, settleUntil - Libc.MonotonicNanoseconds()) / 100);
        log($"idle: waiting {wait.TotalSeconds:0} s until both have run {settings.IdleSettle.TotalSeconds:0} s");
        await Task.Delay(wait, cancellationToken);

        var agentPid = int.Parse(agent["MainPID"], CultureInfo.InvariantCulture);
        var exporterPid = int.Parse(exporter["MainPID"], CultureInfo.InvariantCulture);
        var now = Libc.MonotonicNanoseconds();
        var memoryBefore = (await MemoryAsync(agentPid, cancellationToken), await MemoryAsync(exporterPid, cancellationToken));
        var windows = new List<IdleWindow>();
        var firstStart = Libc.MonotonicNanoseconds();
        for (var w = 0; w < settings.IdleWindows; w++)
        {
            var cursor = await node.CursorAsync(cancellationToken);
            var othersBefore = OtherHosts.NspawnPids(node.Host.LeaderPid).Count;
            var start = await CpuAsync(agentPid, agent["ControlGroup"], exporterPid, exporter["ControlGroup"], cancellationToken);
            await Task.Delay(settings.IdleWindow, cancellationToken);
            var end = await CpuAsync(agentPid, agent["ControlGroup"], exporterPid, exporter["ControlGroup"], cancellationToken);
            var lines = (await node.JournalAfterAsync(cursor, cancellationToken))
                .Where(e => e.Get("SYSLOG_IDENTIFIER") == "wgagent" || e.SystemdUnit == NodeInstaller.DaemonUnit)
                .Select(e => e.Message)
                .ToList();
            var window = new IdleWindow([start.Agent, end.Agent], [start.Exporter, end.Exporter], lines,
                [othersBefore, OtherHosts.NspawnPids(node.Host.LeaderPid).Count]);
            windows.Add(window);
            log($"idle window {w + 1}/{settings.IdleWindows}: wgagent {Percent(window.Agent, ticks)}, node_exporter {Percent(window.Exporter, ticks)}"
                + (window.OtherNspawn.Any(n => n > 0) ? $" (other booted hosts on the machine: {window.OtherNspawn.Max()}; the cgroup figures include theirs)" : ""));
        }

        var span = (Libc.MonotonicNanoseconds() - firstStart) / 1e9;
        var memoryAfter = (await MemoryAsync(agentPid, cancellationToken), await MemoryAsync(exporterPid, cancellationToken));
        var agentAfter = await node.ShowAsync(NodeInstaller.DaemonUnit, properties, cancellationToken);
        var exporterAfter = await node.ShowAsync(NodeInstaller.ExporterUnit, properties, cancellationToken);
        if (agentAfter["MainPID"] != agent["MainPID"] || exporterAfter["MainPID"] != exporter["MainPID"])
        {
            throw new InvalidOperationException("a service restarted during the idle windows: the figures would mix two processes");
        }

        var range = string.Create(CultureInfo.InvariantCulture, $"[{Math.Floor(span)}s]");
        var scrapes = await prometheus.QueryAsync($"count_over_time(up{{job=\"{PrometheusServer.NodeJob}\"}}{range})", cancellationToken);
        var up = await prometheus.QueryAsync($"sum_over_time(up{{job=\"{PrometheusServer.NodeJob}\"}}{range})", cancellationToken);
        return new IdleResult
        {
            ClockTicksPerSecond = ticks,
            AgentPid = agentPid,
            ExporterPid = exporterPid,
            AgentUpSeconds = (now - agentReady) / 1e9,
            ExporterUpSeconds = (now - exporterStart) / 1e9,
            AgentMemory = [memoryBefore.Item1, memoryAfter.Item1],
            ExporterMemory = [memoryBefore.Item2, memoryAfter.Item2],
            Windows = windows,
            Scrapes = scrapes.FirstOrDefault()?.Value ?? 0,
            ScrapesUp = up.FirstOrDefault()?.Value ?? 0,
            ScrapeIntervalSeconds = settings.ScrapeInterval.TotalSeconds,
        };
    }

    private static string Percent(CpuSample[] window, int ticks)
    {
        var seconds = (window[1].AtNs - window[0].AtNs) / 1e9;
        var process = (window[1].UserTicks + window[1].SystemTicks - window[0].UserTicks - window[0].SystemTicks) / (double)ticks;
        var cgroup = (window[1].CgroupUsageMicroseconds - window[0].CgroupUsageMicroseconds) / 1e6;
        var threads = window[1].ThreadRuntimeNs.Sum(t => t.Value - window[0].ThreadRuntimeNs.GetValueOrDefault(t.Key)) / 1e9;
        var gone = window[0].ThreadRuntimeNs.Keys.Count(tid => !window[1].ThreadRuntimeNs.ContainsKey(tid));
        return string.Create(CultureInfo.InvariantCulture,
            $"{process / seconds * 100:0.000} % (ticks), {threads / seconds * 100:0.0000} % (threads' schedstat{(gone > 0 ? $", {gone} exited" : "")}), {cgroup / seconds * 100:0.0000} % (cgroup)");
    }

    private async Task<MemorySample> MemoryAsync(int pid, CancellationToken cancellationToken)
    {
        var text = await node.RunAsync(["sh", "-c", $"cat /proc/{pid}/status; echo '{Separator}'; cat /proc/{pid}/smaps_rollup"], cancellationToken);
        var parts = text.Split(Separator);
        return MemorySample.Parse(parts[0], parts[1]);
    }

    private async Task<(CpuSample Agent, CpuSample Exporter)> CpuAsync(int agentPid, string agentCgroup, int exporterPid, string exporterCgroup,
        CancellationToken cancellationToken)
    {
        // cpu.stat of the unit's cgroup: /sys/fs/cgroup on a unified host, /sys/fs/cgroup/unified in hybrid mode (the
        // CI machine: cgroup v1 controllers, the v2 tree without them still keeps usage_usec).
        static string CpuStat(string cgroup) =>
            $"cat /sys/fs/cgroup{cgroup}/cpu.stat 2>/dev/null || cat /sys/fs/cgroup/unified{cgroup}/cpu.stat 2>/dev/null || echo 'usage_usec -1'";
        static string Threads(int pid) =>
            $"for t in /proc/{pid}/task/*; do printf '%s %s %s\\n' \"$(cut -d' ' -f1 \"$t/schedstat\" 2>/dev/null)\" \"${{t##*/}}\" \"$(cat \"$t/comm\" 2>/dev/null)\"; done";
        var script = string.Join($"; echo '{Separator}'; ",
            $"cat /proc/{agentPid}/stat", CpuStat(agentCgroup), Threads(agentPid),
            $"cat /proc/{exporterPid}/stat", CpuStat(exporterCgroup), Threads(exporterPid));
        var before = Libc.MonotonicNanoseconds();
        var text = await node.RunAsync(["sh", "-c", script], cancellationToken);
        var at = (before + Libc.MonotonicNanoseconds()) / 2;
        var parts = text.Split(Separator);
        return (Cpu(at, parts[0], parts[1], parts[2]), Cpu(at, parts[3], parts[4], parts[5]));
    }

    private static CpuSample Cpu(long at, string stat, string cpuStat, string threads)
    {
        // Fields after the command name's closing parenthesis (proc(5)): state is field 3, utime 14, stime 15,
        // cutime 16, cstime 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        var usage = cpuStat.Split('\n').Select(l => l.Split(' ')).FirstOrDefault(kv => kv.Length == 2 && kv[0] == "usage_usec");
        // "RUNTIME_NS TID COMM" lines; keyed "TID COMM" (a thread's name is fixed once the runtime has named it).
        var runtimes = threads.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Split(' ', 2))
            .Where(kv => kv.Length == 2 && long.TryParse(kv[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(kv => kv[1], kv => long.Parse(kv[0], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new CpuSample(at, Field(14), Field(15), Field(16) + Field(17),
            usage is null ? -1 : long.Parse(usage[1], CultureInfo.InvariantCulture), runtimes);
    }
}
