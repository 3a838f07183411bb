using System.Globalization;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.Status.Bench.Node;

namespace WgAgent.Status.Bench.Cli;

/// <summary>
/// Part 1, inside the booted node with the tunnel up and the daemon ready: hyperfine of `wg show wg0` and `agentctl status`
/// (the issue's ratio), then experiments that take agentctl's time apart, then strace timelines of single calls. The shipped
/// agentctl is Native AOT; given a ReadyToRun build of the same source, it is measured alongside (what Native AOT buys),
/// with the JIT's work in it.
/// </summary>
internal sealed class CliBench(BootedHost host, BenchSettings settings, Action<string> log)
{
    private const string Status = "agentctl status";
    private const string ReadyToRun = "agentctl-r2r";
    private const string InsidePath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static readonly TimeSpan StraceTimeout = TimeSpan.FromSeconds(60);

    private bool HasReadyToRun => settings.ReadyToRunAgentCtl is not null;

    /// <summary>Runs every part of it.</summary>
    public async Task<CliResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = new CliResult();
        List<(string, string)> main = [("wg show wg0", "wg show wg0"), (Status, Status)];
        if (HasReadyToRun)
        {
            main.Add(("agentctl status, ReadyToRun build (experiment)", $"{ReadyToRun} status"));
        }

        await NodeSetup.RefreshHandshakesAsync(host, cancellationToken);
        log($"hyperfine: {string.Join(", ", main.Select(m => m.Item2))}; {settings.CliWarmup} warm-up + {settings.CliRuns} runs each");
        result.Main = await Hyperfine.RunAsync(host, "main", settings.CliWarmup, settings.CliRuns, main, settings.OutputDirectory, cancellationToken);
        if (settings.ExperimentRuns > 0)
        {
            await NodeSetup.RefreshHandshakesAsync(host, cancellationToken);
            log($"hyperfine: {Experiments().Count} experiments, {settings.ExperimentRuns} runs each");
            result.Experiments = await Hyperfine.RunAsync(host, "experiments", Math.Min(settings.CliWarmup, 5), settings.ExperimentRuns, Experiments(),
                settings.OutputDirectory, cancellationToken);
        }

        if (HasReadyToRun)
        {
            foreach (var command in new[] { "--version", "status" })
            {
                var file = $"/root/jit-{command.TrimStart('-')}.txt";
                await host.ExecAsync(["env", "DOTNET_JitDisasmSummary=1", "DOTNET_JitStdOutFile=" + file, ReadyToRun, command], cancellationToken: cancellationToken);
                var text = (await host.ExecAsync(["cat", file], cancellationToken: cancellationToken)).Stdout;
                await File.WriteAllTextAsync(Path.Combine(settings.OutputDirectory, Path.GetFileName(file)), text, CancellationToken.None);
                result.Jit.Add(JitSummary.Parse($"{ReadyToRun} {command}", text));
            }
        }

        if (settings.StraceRuns > 0)
        {
            log($"strace: {settings.StraceRuns} calls of agentctl status{(HasReadyToRun ? " and as many of the ReadyToRun build" : "")}");
            for (var i = 0; i < settings.StraceRuns; i++)
            {
                await TimelineAsync("/usr/bin/agentctl", result.Strace, i, cancellationToken);
                if (HasReadyToRun)
                {
                    await TimelineAsync(NodeSetup.ReadyToRunAgentCtl, result.StraceReadyToRun, i, cancellationToken);
                }
            }

            result.StraceSummary = await SummaryAsync(["/usr/bin/agentctl", "status"], cancellationToken);
            result.StraceSummaryWg = await SummaryAsync(["wg", "show", "wg0"], cancellationToken);
        }

        return result;
    }

    private List<(string Name, string Command)> Experiments()
    {
        List<(string, string)> list =
        [
            (Status, Status),
            ("agentctl --version (runtime start, command line)", "agentctl --version"),
            ("agentctl status, no socket (all but the request)", "agentctl status --socket /run/wgagent/missing.sock"),
            ("agentctl status --json (no rendering)", "agentctl status --json"),
            ("curl GET /v1/status (the request alone, native client)", "curl -s -o /dev/null --unix-socket " + NodeSetup.StatusSocket + " http://localhost/v1/status"),
            ("env agentctl status (reference for the knob below)", "env " + Status),
            // The JIT knobs of the ReadyToRun era do nothing to native code; the GC's settings still apply.
            ("DOTNET_gcConcurrent=0 (no background GC thread)", "env DOTNET_gcConcurrent=0 " + Status),
        ];
        if (HasReadyToRun)
        {
            list.Add(("agentctl-r2r --version", $"{ReadyToRun} --version"));
            list.Add(("agentctl-r2r status", $"{ReadyToRun} status"));
        }

        // What one refresh of the daemon's status answers runs or does (the nft listing is in-process there, via libnftables).
        list.Add(("wg show wg0 dump (the daemon runs it per refresh)", "wg show wg0 dump"));
        list.Add(("systemctl show … (the daemon runs it per refresh)",
            "systemctl show --property=Id,ActiveState wg-quick@wg0.service prometheus-node-exporter.service"));
        list.Add(("nft list table inet wgagent (in-process in the daemon)", "nft list table inet wgagent"));
        return list;
    }

    private async Task TimelineAsync(string agentctl, List<StraceTimeline> into, int run, CancellationToken cancellationToken)
    {
        var file = Path.Combine(settings.OutputDirectory, "strace", $"{Path.GetFileName(agentctl)}-{run:000}.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var strace = await CommandRunner.RunAsync(
            ["strace", "-f", "--seccomp-bpf", "-ttt", "-e", "trace=" + StraceTimeline.TracedCalls, "-o", file, .. Inside([agentctl, "status"])],
            StraceTimeout, cancellationToken: cancellationToken);
        if (strace.ExitCode is not (0 or 1))
        {
            log($"strace of {agentctl} status: {strace.Describe()}");
            return;
        }

        if (StraceTimeline.Parse(await File.ReadAllTextAsync(file, cancellationToken), agentctl, NodeSetup.StatusSocket) is { } timeline)
        {
            into.Add(timeline);
        }
        else
        {
            log($"strace of {agentctl} status: a step is missing in {file}");
        }
    }

    private async Task<string> SummaryAsync(IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var file = Path.Combine(settings.OutputDirectory, "strace", $"summary-{Path.GetFileName(argv[0])}.txt");
        await CommandRunner.RunAsync(["strace", "-f", "-c", "-o", file, .. Inside(argv)], StraceTimeout, cancellationToken: cancellationToken);
        return File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : "";
    }

    // As BootedHost.ExecAsync enters the node: nsenter into all of PID 1's namespaces, a clean environment.
    private string[] Inside(IReadOnlyList<string> argv) =>
        ["nsenter", "--target", host.LeaderPid!.Value.ToString(CultureInfo.InvariantCulture), "--all", "--", "/usr/bin/env", "-i", InsidePath,
            "LC_ALL=C.UTF-8", .. argv];
}
