using System.Globalization;
using WgAgent.Lab.Nspawn;
using WgAgent.Status.Bench.Baseline;
using WgAgent.Status.Bench.Node;

namespace WgAgent.Status.Bench.Load;

/// <summary>
/// Part 2: GET /v1/status at n keep-alive connections against the daemon as systemd runs it in the node, and against the
/// static responder in the same run (rounds alternate: daemon, baseline, daemon, baseline…), then the uncached probe.
/// The generator runs here, on the host: the node has no user namespace, so root here is root to the daemon's
/// SO_PEERCRED check, and its socket is reachable through /proc/LEADER/root (the node's mount namespace; /run there is
/// the node's own tmpfs, not visible under BootedHost.RootPath).
/// </summary>
internal sealed class LoadBench(BootedHost host, BenchSettings settings, Action<string> log)
{
    /// <summary>Runs it.</summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = new LoadResult();
        var socket = $"/proc/{host.LeaderPid!.Value.ToString(CultureInfo.InvariantCulture)}/root{NodeSetup.StatusSocket}";
        result.DaemonSocket = socket;
        string contentType;
        byte[] body;
        using (var connection = await RawHttpConnection.OpenAsync(socket, cancellationToken))
        {
            (var head, body) = await connection.CaptureAsync(LoadGenerator.StatusRequest, cancellationToken);
            result.AnswerHead = head;
            result.AnswerBodyBytes = body.Length;
            contentType = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Trim() ?? "application/json";
        }

        var daemonPid = await NodeSetup.DaemonHostPidAsync(host, cancellationToken);
        result.DaemonIdleRssMiB = ProcStat.Read(daemonPid).RssKiB / 1024.0;
        var scratch = Directory.CreateTempSubdirectory("wgagent-status-bench-");
        try
        {
            var bodyFile = Path.Combine(scratch.FullName, "status.json");
            await File.WriteAllBytesAsync(bodyFile, body, cancellationToken);
            using var responder = await ResponderProcess.StartAsync(Path.Combine(scratch.FullName, "responder.sock"), bodyFile, contentType, cancellationToken);
            for (var round = 1; round <= settings.LoadRounds; round++)
            {
                foreach (var rate in settings.PacedRate > 0 ? new double?[] { null, settings.PacedRate } : [null])
                {
                    result.Runs.Add(await RunOnceAsync("daemon", rate, round, socket, daemonPid, cancellationToken));
                    result.Runs.Add(await RunOnceAsync("baseline", rate, round, responder.SocketPath, responder.Pid, cancellationToken));
                }
            }

            if (settings.PacedRate > 0)
            {
                foreach (var (target, path, pid) in new[] { ("daemon", socket, daemonPid), ("baseline", responder.SocketPath, responder.Pid) })
                {
                    log($"syscall profile: {target}, paced at {settings.PacedRate} req/s for 3 s with strace attached (not a measured run)");
                    var profile = await SyscallProfile.RunAsync(target, pid, Path.Combine(Path.GetFullPath(settings.OutputDirectory), $"strace-{target}.txt"),
                        async () => (await LoadGenerator.RunAsync(path, settings.Connections, settings.PacedRate, TimeSpan.Zero, TimeSpan.FromSeconds(3),
                            () => { }, cancellationToken)).Samples.Count,
                        cancellationToken);
                    if (profile is not null)
                    {
                        result.Syscalls.Add(profile);
                    }
                }
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        if (settings.UncachedSamples > 0)
        {
            await NodeSetup.RefreshHandshakesAsync(host, cancellationToken);
            log($"uncached probe: {settings.UncachedSamples} pairs, one every {settings.UncachedInterval.TotalMilliseconds} ms");
            result.Uncached = await UncachedProbe.RunAsync(socket, settings.UncachedSamples, settings.UncachedInterval, cancellationToken);
            log($"uncached p50 {result.Uncached.Uncached.P50Ms:0.00} ms, cached p50 {result.Uncached.Cached.P50Ms:0.00} ms");
        }

        var after = ProcStat.Read(daemonPid);
        (result.DaemonAfterRssMiB, result.DaemonHwmMiB) = (after.RssKiB / 1024.0, after.HwmKiB / 1024.0);
        return result;
    }

    private async Task<LoadRun> RunOnceAsync(string target, double? rate, int round, string socket, int pid, CancellationToken cancellationToken)
    {
        await NodeSetup.RefreshHandshakesAsync(host, cancellationToken);
        log($"load: {target}, {(rate is { } r ? $"paced at {r} req/s" : "saturating")}, round {round}: {settings.Connections} connections, "
            + $"{settings.LoadWarmup.TotalSeconds} s warm-up + {settings.LoadDuration.TotalSeconds} s");
        WindowSampler? sampler = null;
        try
        {
            var outcome = await LoadGenerator.RunAsync(socket, settings.Connections, rate, settings.LoadWarmup, settings.LoadDuration,
                () => sampler = WindowSampler.Start(pid), cancellationToken);
            var (server, generator, machine) = await sampler!.StopAsync();
            var run = LoadSummarizer.Summarize(target, rate, round, settings.Connections, outcome, server, generator, machine);
            run.OtherBootedHosts = OtherHosts.NspawnPids(host.LeaderPid).Count;
            log(string.Create(CultureInfo.InvariantCulture,
                $"  {run.RequestsPerSecond:0} req/s, p50 {run.Latency.P50Ms:0.000} ms, p99 {run.Latency.P99Ms:0.000} ms (from schedule {run.LatencyFromSchedule.P99Ms:0.000}), max {run.Latency.MaxMs:0.0} ms; server CPU {server.CpuPercent:0}%, errors {run.Errors}"));
            return run;
        }
        finally
        {
            if (sampler is not null)
            {
                await sampler.DisposeAsync();
            }
        }
    }
}
