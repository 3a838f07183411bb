using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using WgAgent.Daemon.Bench.Idle;
using WgAgent.Daemon.Bench.Interop;
using WgAgent.Daemon.Bench.Node;
using WgAgent.Daemon.Bench.Reaction;
using WgAgent.Lab;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Daemon.Bench;

/// <summary>
/// bench/daemon.sh's runner (root; `make publish` first): the lab with a booted Debian 12 node running the published
/// wgagent under systemd. Measures the idle footprint first (the daemon as the boot started it), then the reaction from
/// wg0 coming up to READY=1 with the exporter files already right and with a rebind, then the cold start. Writes
/// results.json and the host's journal; the lab and the host are removed on every path, Ctrl+C and SIGTERM included.
/// </summary>
public static class Program
{
    /// <summary>Exit 0 when every phase ran (problems of single iterations are in the results), 1 on a failure, 130 when interrupted.</summary>
    public static async Task<int> Main(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"daemon bench: {e.Message}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            Log($"{signal.Signal}: stopping and tearing the lab down");
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        stop.CancelAfter(settings.OverallTimeout);
        return await RunAsync(settings, stop.Token);
    }

    private static async Task<int> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.OutputDirectory);
        var results = new BenchResults
        {
            StartedAt = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Machine = MachineInfo(),
            Settings = settings,
        };
        Lab.Lab? lab = null;
        BootedHost? host = null;
        TunnelObserver? observer = null;
        try
        {
            Phase(results, "lab");
            lab = await Lab.Lab.StartAsync(new LabOptions { ExternalNodeTunnel = true, ScrapeInterval = settings.ScrapeInterval }, cancellationToken);
            results.Setup["lab bring-up"] = lab.BringUpTime.TotalSeconds;
            Log($"lab {lab.Id} up in {lab.BringUpTime.TotalSeconds:0.0} s");

            // Watching from before the boot, so wg0's first appearance is seen too.
            observer = TunnelObserver.Start(lab.Node.NamespacePath, TunnelConfig.InterfaceName);
            Phase(results, "boot");
            var tunnel = lab.NodeTunnel;
            host = await BootedHost.StartAsync(
                new BootedHostOptions
                {
                    NetworkNamespacePath = lab.Node.NamespacePath,
                    MachineNamePrefix = $"wgl2-{lab.Id}-bench",
                    AcceptDegraded = true,
                    Log = Log,
                },
                h => NodeInstaller.PrepareAsync(h, tunnel, LabAgentConfig.TunnelEgress()),
                cancellationToken);
            results.Setup["boot"] = host.BootDuration!.Value.TotalSeconds;
            var node = new NodeShell(host);
            await CheckBootAsync(node, results, observer, cancellationToken);
            await VersionsAsync(node, results, cancellationToken);

            if (settings.IdleWindows > 0)
            {
                Phase(results, "idle", host);
                try
                {
                    await lab.Prometheus.WaitForTargetUpAsync(settings.ScrapeInterval * 3, cancellationToken: cancellationToken);
                }
                catch (LabException e)
                {
                    Log($"warning: {e.Message}");
                }

                results.Idle = await new IdleBench(node, lab.Prometheus, settings, Log).RunAsync(cancellationToken);
            }

            var reaction = new ReactionBench(node, observer, tunnel, settings, Log);
            results.EnvironmentRetries = reaction.EnvironmentRetries;
            Phase(results, "no-op bind", host);
            results.Samples.AddRange(await reaction.RunAsync(ReactionCase.NoOpBind, settings.Warmup, settings.Iterations, cancellationToken));
            Phase(results, "rebind", host);
            results.Samples.AddRange(await reaction.RunAsync(ReactionCase.Rebind, settings.Warmup, settings.Iterations, cancellationToken));
            Phase(results, "systemd baseline", host);
            results.SystemdBaseline = await new SystemdBaseline(node, Log).RunAsync(settings.Warmup, Math.Max(settings.Iterations / 2, 5), cancellationToken);
            if (settings.ColdIterations > 0)
            {
                Phase(results, "cold start", host);
                results.Samples.AddRange(await reaction.RunAsync(ReactionCase.ColdStart, Math.Min(settings.Warmup, 2), settings.ColdIterations, cancellationToken));
            }

            Phase(results, "end", host);
            results.ObserverOverruns = observer.Overruns;
            results.ObserverRealtimeProblem = observer.RealtimeProblem;
            await SaveJournalAsync(node, settings, cancellationToken);
            results.TotalSeconds = clock.Elapsed.TotalSeconds;
            await WriteResultsAsync(results, settings);
            Log($"done in {clock.Elapsed.TotalMinutes:0.0} min: {Path.Combine(settings.OutputDirectory, "results.json")}");
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log("interrupted (or past --timeout-minutes); results.json has the phases that finished");
            await WriteResultsAsync(results, settings);
            return 130;
        }
        catch (Exception e)
        {
            Log($"error: {e}");
            if (host is { IsRunning: true })
            {
                await SaveJournalAsync(new NodeShell(host), settings, CancellationToken.None);
                Log($"the host's journal: {Path.Combine(settings.OutputDirectory, "journal.txt")}");
            }

            await WriteResultsAsync(results, settings);
            return 1;
        }
        finally
        {
            observer?.Dispose();
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            if (lab is not null)
            {
                try
                {
                    await lab.DisposeAsync();
                }
                catch (LabException e)
                {
                    Log($"cleanup: {e.Message}");
                }
            }
        }
    }

    private static async Task CheckBootAsync(NodeShell node, BenchResults results, TunnelObserver observer, CancellationToken cancellationToken)
    {
        var state = (await node.TryAsync(["systemctl", "is-system-running"], cancellationToken)).Stdout.Trim();
        var show = await node.ShowAsync(NodeInstaller.DaemonUnit,
            ["ActiveState", "StatusText", "ActiveEnterTimestampMonotonic", "ExecMainStartTimestampMonotonic"], cancellationToken);
        if (state != "running" || show["ActiveState"] != "active")
        {
            var failed = (await node.TryAsync(["systemctl", "--failed", "--no-legend", "--plain"], cancellationToken)).Stdout.Trim();
            var journal = (await node.TryAsync(["journalctl", "--boot", "--no-pager", "--lines=60", "--unit", NodeInstaller.DaemonUnit], cancellationToken)).Stdout;
            throw new InvalidOperationException(
                $"the node booted {state}, wgagent.service {show["ActiveState"]}; failed units:\n{failed}\nwgagent's journal:\n{journal}");
        }

        results.FirstBoot["TunnelUpNs"] = observer.Since(0).FirstOrDefault(o => o.Up)?.AtNanoseconds;
        results.FirstBoot["ExecStartNs"] = NodeShell.MonotonicNanoseconds(show, "ExecMainStartTimestampMonotonic");
        results.FirstBoot["ReadyUnitNs"] = NodeShell.MonotonicNanoseconds(show, "ActiveEnterTimestampMonotonic");
        Log($"booted: wgagent active ({show["StatusText"]})");
    }

    private static async Task VersionsAsync(NodeShell node, BenchResults results, CancellationToken cancellationToken)
    {
        results.Versions["wgagent"] = (await CommandRunner.RunAsync([PublishedAgent.WgAgent, "--version"], cancellationToken: cancellationToken)).Stdout.Trim();
        results.Versions["runner .NET"] = RuntimeInformation.FrameworkDescription;
        results.Versions["systemd (host)"] = (await node.RunAsync(["systemctl", "--version"], cancellationToken)).Split('\n')[0];
        var exporter = await node.TryAsync(["prometheus-node-exporter", "--version"], cancellationToken);
        results.Versions["node_exporter"] = (exporter.Stdout + exporter.Stderr).Split('\n')[0].Trim();
        results.Versions["wireguard-go"] = (await node.TryAsync(["wireguard-go", "--version"], cancellationToken)).Stdout.Split('\n')[0].Trim();
    }

    private static async Task SaveJournalAsync(NodeShell node, BenchSettings settings, CancellationToken cancellationToken)
    {
        var journal = await node.TryAsync(["journalctl", "--boot", "--no-pager", "--output=short-monotonic"], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(settings.OutputDirectory, "journal.txt"), journal.Stdout, CancellationToken.None);
    }

    private static async Task WriteResultsAsync(BenchResults results, BenchSettings settings)
    {
        var path = Path.Combine(settings.OutputDirectory, "results.json");
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, results, new JsonSerializerOptions { WriteIndented = true });
    }

    private static void Phase(BenchResults results, string name, BootedHost? host = null)
    {
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var others = OtherHosts.NspawnPids(host?.LeaderPid).Count;
        results.LoadAverage[name] = load;
        results.OtherBootedHosts[name] = others;
        Log($"== {name} (load {load}; other booted hosts on the machine: {others})");
    }

    private static Dictionary<string, string> MachineInfo()
    {
        var cpuinfo = File.ReadAllLines("/proc/cpuinfo");
        var meminfo = File.ReadAllLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memKb = long.Parse(meminfo.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var os = File.Exists("/etc/os-release")
            ? File.ReadAllLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"') ?? "?"
            : "?";
        return new Dictionary<string, string>
        {
            ["cpu"] = cpuinfo.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?",
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["memory"] = string.Create(CultureInfo.InvariantCulture, $"{memKb / 1024.0 / 1024.0:0.0} GiB"),
            ["kernel"] = File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
            ["os"] = os,
        };
    }

    private static void Log(string line) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Libc.MonotonicNanoseconds() / 1e9:0.000}] {line}"));
}
