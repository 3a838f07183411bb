using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using WgAgent.Lab;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.Status.Bench.Baseline;
using WgAgent.Status.Bench.Cli;
using WgAgent.Status.Bench.Load;
using WgAgent.Status.Bench.Node;

namespace WgAgent.Status.Bench;

/// <summary>
/// bench/status.sh's runner (root; `make publish` first): the lab with a booted Debian 12 node running the published
/// wgagent under systemd, the tunnel up and the daemon ready. Part 1 times `agentctl status` against `wg show wg0` with
/// hyperfine inside the node; part 2 loads GET /v1/status at n connections against the daemon and against a static
/// responder. Writes results.json; the lab, the node and the responder are removed on every path, Ctrl+C and SIGTERM
/// included. `respond ...` runs the baseline responder (see <see cref="StaticResponder"/>).
/// </summary>
public static class Program
{
    /// <summary>Exit 0 when every part ran, 1 on a failure, 2 on bad arguments, 130 when interrupted.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "respond")
        {
            return await StaticResponder.RunAsync(args[1..]);
        }

        if (args.Length is 3 or 4 && args[0] == "load")
        {
            return await LoadOnlyAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture),
                args.Length == 4 ? double.Parse(args[3], CultureInfo.InvariantCulture) : null);
        }

        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"status bench: {e.Message}");
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
            Machine = MachineInfo.Read(),
            Settings = settings,
        };
        Lab.Lab? lab = null;
        BootedHost? host = null;
        try
        {
            Phase(results, "lab");
            lab = await Lab.Lab.StartAsync(new LabOptions { ExternalNodeTunnel = true, ScrapeInterval = TimeSpan.FromSeconds(15) }, cancellationToken);
            results.Setup["lab bring-up"] = lab.BringUpTime.TotalSeconds;
            Log($"lab {lab.Id} up in {lab.BringUpTime.TotalSeconds:0.0} s");

            Phase(results, "boot");
            var tunnel = lab.NodeTunnel;
            host = await BootedHost.StartAsync(
                new BootedHostOptions
                {
                    NetworkNamespacePath = lab.Node.NamespacePath,
                    MachineNamePrefix = $"wgl2-{lab.Id}-sbench",
                    AcceptDegraded = true,
                    Log = Log,
                },
                h => NodeSetup.PrepareAsync(h, tunnel, settings.ReadyToRunAgentCtl, settings.DaemonEnvironment),
                cancellationToken);
            results.Setup["boot"] = host.BootDuration!.Value.TotalSeconds;
            var (state, problems) = await NodeSetup.WaitForOkAsync(host, Log, cancellationToken);
            (results.StateAtStart, results.ProblemsAtStart) = (state, problems);
            Log($"booted; agentctl status: {state}");
            await VersionsAsync(host, results, settings, cancellationToken);

            Phase(results, "agentctl", host);
            results.Cli = await new CliBench(host, settings, Log).RunAsync(cancellationToken);
            Phase(results, "load", host);
            results.Load = await new LoadBench(host, settings, Log).RunAsync(cancellationToken);
            Phase(results, "end", host);
            results.StateAtEnd = JsonDocument.Parse((await host.ExecAsync([AgentPackage.AgentCtlPath, "status", "--json"], cancellationToken: cancellationToken)).Stdout)
                .RootElement.GetProperty("state").GetString();
            await SaveJournalAsync(host, settings, cancellationToken);
            results.TotalSeconds = clock.Elapsed.TotalSeconds;
            await WriteResultsAsync(results, settings);
            Log($"done in {clock.Elapsed.TotalMinutes:0.0} min: {Path.Combine(settings.OutputDirectory, "results.json")}");
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log("interrupted (or past --timeout-minutes); results.json has the parts that finished");
            await WriteResultsAsync(results, settings);
            return 130;
        }
        catch (Exception e)
        {
            Log($"error: {e}");
            if (host is { IsRunning: true })
            {
                await SaveJournalAsync(host, settings, CancellationToken.None);
            }

            await WriteResultsAsync(results, settings);
            return 1;
        }
        finally
        {
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

    // `load SOCKET PID [RATE]`: part 2's generator alone against any server (PID: the server's, for its CPU and RSS), 100
    // connections, 3 + 10 s, saturating or paced at RATE; prints the summary. For checking the generator, or a daemon
    // started by hand.
    private static async Task<int> LoadOnlyAsync(string socket, int pid, double? rate)
    {
        WindowSampler? sampler = null;
        var outcome = await LoadGenerator.RunAsync(socket, 100, rate, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), () => sampler = WindowSampler.Start(pid),
            CancellationToken.None);
        var (server, generator, machine) = await sampler!.StopAsync();
        await sampler.DisposeAsync();
        var run = LoadSummarizer.Summarize("server", rate, 1, 100, outcome, server, generator, machine);
        Console.WriteLine(JsonSerializer.Serialize(run with { TimelineCount = [], TimelineMaxMs = [] }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static async Task VersionsAsync(BootedHost host, BenchResults results, BenchSettings settings, CancellationToken cancellationToken)
    {
        async Task<string> FirstLine(IReadOnlyList<string> argv)
        {
            var r = await host.ExecAsync(argv, cancellationToken: cancellationToken);
            return (r.Stdout + r.Stderr).Split('\n')[0].Trim();
        }

        results.Versions["agentctl"] = await FirstLine([AgentPackage.AgentCtlPath, "--version"]);
        results.Versions["wgagent"] = await FirstLine([AgentPackage.WgAgentPath, "--version"]);
        if (settings.ReadyToRunAgentCtl is not null)
        {
            results.Versions["agentctl (ReadyToRun)"] = await FirstLine([NodeSetup.ReadyToRunAgentCtl, "--version"]);
        }

        results.Versions["wireguard-tools"] = await FirstLine(["wg", "--version"]);
        results.Versions["hyperfine"] = await FirstLine([NodeSetup.Hyperfine, "--version"]);
        results.Versions["curl"] = await FirstLine(["curl", "--version"]);
        results.Versions["systemd (node)"] = await FirstLine(["systemctl", "--version"]);
        results.Versions["strace (host)"] = (await WgAgent.Lab.Processes.CommandRunner.RunAsync(["strace", "--version"], cancellationToken: cancellationToken)).Stdout.Split('\n')[0].Trim();
        results.Versions["runner .NET"] = RuntimeInformation.FrameworkDescription;
        var link = (await host.ExecAsync(["ip", "-d", "link", "show", "wg0"], cancellationToken: cancellationToken)).Stdout;
        results.WireGuardImplementation = link.Contains("wireguard", StringComparison.Ordinal) ? "kernel" : link.Contains("tun", StringComparison.Ordinal) ? "wireguard-go" : "?";
    }

    private static async Task SaveJournalAsync(BootedHost host, BenchSettings settings, CancellationToken cancellationToken)
    {
        var journal = await host.ExecAsync(["journalctl", "--boot", "--no-pager", "--output=short-monotonic"], cancellationToken: cancellationToken);
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

    private static void Log(string line) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss.fff}] {line}"));
}
