using System.Collections.Concurrent;
using System.Diagnostics;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.DaemonLifecycle;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>
/// The lab's node booted once with wgagent installed as the package would (binaries, units, the lab's
/// /etc/wgagent.toml with the default <c>[status]</c> and <c>[metrics]</c>, group wgagent, wgagent.service enabled),
/// the tunnel to monitor up and monitor's Prometheus scraping jobs node and wgagent over it. After the boot the steps
/// run in this order, each restoring what it changed: <see cref="Ready"/> (until <c>agentctl status</c> exits 0),
/// <see cref="Reads"/> (curl and agentctl as root), <see cref="Scrape"/> (Prometheus), <see cref="Exposure"/> (who
/// reaches the metrics port), <see cref="Access"/> (a group member, a non-member and root), <see cref="ExitCodes"/>
/// (exporter stopped, daemon stopped, each started again). xunit runs facts in no order, so the order lives here and
/// the facts only judge the records.
/// </summary>
public sealed partial class StatusApiFixture : BootedLabFixture
{
    /// <summary>The status socket (<c>[status] socket</c>, default).</summary>
    public const string SocketPath = "/run/wgagent/agent.sock";

    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentQueue<string> notes = new();

    /// <summary>Until <c>agentctl status</c> first exits 0.</summary>
    public ScenarioStep<ReadyRecord> Ready { get; private set; } = ScenarioStep<ReadyRecord>.NotRun("ready");

    /// <summary>Root's reads of the API.</summary>
    public ScenarioStep<ApiReadRecord> Reads { get; private set; } = ScenarioStep<ApiReadRecord>.NotRun("reads");

    /// <summary>Prometheus's view of job wgagent.</summary>
    public ScenarioStep<ScrapeRecord> Scrape { get; private set; } = ScenarioStep<ScrapeRecord>.NotRun("scrape");

    /// <summary>The metrics port's listeners and reachability.</summary>
    public ScenarioStep<ExposureRecord> Exposure { get; private set; } = ScenarioStep<ExposureRecord>.NotRun("exposure");

    /// <summary>Who may do what on the socket.</summary>
    public ScenarioStep<AccessRecord> Access { get; private set; } = ScenarioStep<AccessRecord>.NotRun("access");

    /// <summary>Exit codes as things stop and start.</summary>
    public ScenarioStep<ExitCodeRecord> ExitCodes { get; private set; } = ScenarioStep<ExitCodeRecord>.NotRun("exit codes");

    /// <summary>What the steps noted on the way (retries), for the test output.</summary>
    public IReadOnlyList<string> Notes => [.. notes];

    /// <inheritdoc />
    protected override string What => "node with wgagent's status API";

    /// <summary>Degraded is accepted so that a failed unit shows in a fact with its journal, not as a setup error.</summary>
    protected override bool AcceptDegraded => true;

    /// <inheritdoc />
    protected override string SetupIncludes => "rootfs cache check and every step included";

    /// <summary>A stale publish is the likeliest failure and says what to do.</summary>
    protected override Task BeforeLabAsync() => DaemonNodeFixture.EnsureDaemonVerbAsync();

    /// <summary>The guarded node's files, then what the postinst does for the daemon (group, unit enabled).</summary>
    protected override async Task PrepareAsync(BootedHost booted)
    {
        await AgentInstaller.InstallGuardedNodeAsync(booted, Lab.NodeTunnel, LabAgentConfig.TunnelEgress());
        await AgentInstaller.InstallDaemonAsync(booted);
    }

    /// <summary>The steps, in order.</summary>
    protected override async Task AfterBootAsync(BootedHost booted)
    {
        Ready = await ScenarioStep<ReadyRecord>.RunAsync("ready", () => WaitReadyAsync(booted));
        Reads = await ScenarioStep<ApiReadRecord>.RunAsync("reads", () => ReadAsync(booted));
        Scrape = await ScenarioStep<ScrapeRecord>.RunAsync("scrape", ScrapeAsync);
        Exposure = await ScenarioStep<ExposureRecord>.RunAsync("exposure", () => ExposureAsync(booted));
        Access = await ScenarioStep<AccessRecord>.RunAsync("access", () => AccessAsync(booted));
        ExitCodes = await ScenarioStep<ExitCodeRecord>.RunAsync("exit codes", () => ExitCodesAsync(booted));
    }

    /// <summary>
    /// Polls <c>agentctl status --json</c> until it exits 0 (bounded). The lab's peers have no keepalive, so a ping to
    /// monitor and to stranger over the tunnel makes the handshakes the status wants to see ("no peer without a recent
    /// handshake"); Prometheus's scrapes keep monitor's fresh afterwards.
    /// </summary>
    private async Task<ReadyRecord> WaitReadyAsync(BootedHost booted)
    {
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        CommandResult last;
        while (true)
        {
            attempts++;
            last = await booted.ExecAsync([AgentPackage.AgentCtlPath, "status", "--json"]);
            if (last.ExitCode == 0 || clock.Elapsed > ReadyWait)
            {
                break;
            }

            foreach (var peer in new[] { LabAddresses.Monitor, LabAddresses.Stranger })
            {
                await booted.ExecAsync(["ping", "-c", "1", "-W", "1", peer.RequiredTunnelV4.ToString()]);
            }

            await Task.Delay(PollInterval);
        }

        var waited = clock.Elapsed;
        return new ReadyRecord
        {
            LastStatus = last,
            Waited = waited,
            Attempts = attempts,
            StatusText = await DaemonProbe.StatusTextAsync(booted),
            Journal = last.ExitCode == 0 ? "" : await booted.JournalAsync(AgentPackage.DaemonUnit),
        };
    }

    /// <summary>agentctl inside the node as root.</summary>
    internal static Task<CommandResult> AgentctlAsync(BootedHost booted, params string[] arguments) =>
        booted.ExecAsync([AgentPackage.AgentCtlPath, .. arguments], TimeSpan.FromSeconds(150));

    /// <summary><paramref name="argv"/> as <paramref name="user"/> (runuser(1) sets the user's groups from /etc/group).</summary>
    internal static Task<CommandResult> AsUserAsync(BootedHost booted, string user, params string[] argv) =>
        booted.ExecAsync(["runuser", "-u", user, "--", .. argv], TimeSpan.FromSeconds(150));

    /// <summary>curl over the socket; the last line of its output is the HTTP code (000 when it got none).</summary>
    internal static string[] Curl(string method, string path) =>
        ["curl", "--silent", "--show-error", "--max-time", "10", "--unix-socket", SocketPath, "--request", method,
            "--write-out", "\n%{http_code}", $"http://localhost{path}"];

    /// <summary>Runs <paramref name="run"/> until <paramref name="done"/> holds or <paramref name="timeout"/> passes; returns the last result and the time.</summary>
    private static async Task<(CommandResult Last, TimeSpan Elapsed)> PollAsync(
        Func<Task<CommandResult>> run, Func<CommandResult, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await run();
            if (done(result) || clock.Elapsed > timeout)
            {
                return (result, clock.Elapsed);
            }

            await Task.Delay(PollInterval);
        }
    }

    private void Note(string text) => notes.Enqueue(text);
}
