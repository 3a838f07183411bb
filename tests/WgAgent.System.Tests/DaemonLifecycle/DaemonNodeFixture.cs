using System.Collections.Concurrent;
using System.Diagnostics;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// The lab's node with wgagent.service, booted twice:
/// <list type="number">
/// <item>The install (<see cref="InstallRun"/>): stock node_exporter on *:9100, then <c>systemctl enable --now
/// wgagent.service</c>; what the daemon wrote (socket unit, drop-in, last-good.nft) and the wgagent group are kept.</item>
/// <item>The boot after it (<see cref="BootedLabFixture.Host"/>): kill switch, wg-quick@wg0, nftables.service and
/// wgagent.service enabled, those files in place before PID 1 starts. Recorded in <see cref="Boot"/>, then the scenario
/// steps run in this order, each restoring what it changed unless noted: (b) <see cref="AddressChange"/>, (e)
/// <see cref="BrokenReload"/>, (f) <see cref="GoodReload"/> (its config stays), (c) <see cref="Crash"/>,
/// <see cref="NftablesRestart"/>, then the daemon's own repair of a <see cref="TableDeleted"/> and a
/// <see cref="TableAltered"/>. Steps that only tear at the table come last, where a failed repair harms nothing after.</item>
/// </list>
/// xunit runs no facts in order, so the order lives here and the facts only judge the records.
/// </summary>
public sealed partial class DaemonNodeFixture : BootedLabFixture
{
    private const string WgQuickUnit = "wg-quick@wg0.service";
    private static readonly TimeSpan PrometheusTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<string> notes = new();
    private InstallRunRecord? install;
    private BootRecord? boot;

    /// <summary>The first boot.</summary>
    public InstallRunRecord Install => install ?? throw new InvalidOperationException("the install boot did not run (see the fixture's setup error)");

    /// <summary>The boot after the install, before any step.</summary>
    public BootRecord Boot => boot ?? throw new InvalidOperationException("the boot was not recorded (see the fixture's setup error)");

    /// <summary>(b) wg0 recreated on another address and back.</summary>
    public ScenarioStep<AddressChangeRecord> AddressChange { get; private set; } = ScenarioStep<AddressChangeRecord>.NotRun("address change");

    /// <summary>(e) reload with a broken config, then with the good one again.</summary>
    public ScenarioStep<BrokenReloadRecord> BrokenReload { get; private set; } = ScenarioStep<BrokenReloadRecord>.NotRun("broken reload");

    /// <summary>(f) reload with a good, changed config.</summary>
    public ScenarioStep<GoodReloadRecord> GoodReload { get; private set; } = ScenarioStep<GoodReloadRecord>.NotRun("good reload");

    /// <summary>(c) kill -9 of the daemon.</summary>
    public ScenarioStep<CrashRecord> Crash { get; private set; } = ScenarioStep<CrashRecord>.NotRun("kill -9");

    /// <summary>(c) systemctl restart nftables.</summary>
    public ScenarioStep<TableEventRecord> NftablesRestart { get; private set; } = ScenarioStep<TableEventRecord>.NotRun("restart nftables");

    /// <summary><c>nft delete table inet wgagent</c> with the daemon running.</summary>
    public ScenarioStep<TableEventRecord> TableDeleted { get; private set; } = ScenarioStep<TableEventRecord>.NotRun("table deleted");

    /// <summary>A rule inserted into table inet wgagent with the daemon running.</summary>
    public ScenarioStep<TableEventRecord> TableAltered { get; private set; } = ScenarioStep<TableEventRecord>.NotRun("table altered");

    /// <summary>What the steps noted on the way (retries, restorations), for the test output.</summary>
    public IReadOnlyList<string> Notes => [.. notes];

    /// <inheritdoc />
    protected override string What => "node with wgagent.service";

    /// <summary>Degraded is accepted so that a failed unit shows in a fact with its journal, not as a setup error.</summary>
    protected override bool AcceptDegraded => true;

    /// <inheritdoc />
    protected override string SetupIncludes => "the install boot, rootfs cache check and every scenario step included";

    /// <summary>A stale publish is the likeliest failure and says what to do.</summary>
    protected override Task BeforeLabAsync() => EnsureDaemonVerbAsync();

    /// <summary>The install boot, then this boot's files: the same install, the carried files, wgagent.service enabled.</summary>
    protected override async Task PrepareAsync(BootedHost booted)
    {
        install = await InstallRun.RunAsync(Lab, LabAgentConfig.TunnelEgress(), Lab.NodeTunnel.ToWgQuickConfig());
        await AgentInstaller.InstallGuardedNodeAsync(booted, Lab.NodeTunnel, LabAgentConfig.TunnelEgress());
        await InstallRun.CarryOverAsync(install, booted);
        await booted.EnableUnitAsync(AgentPackage.DaemonUnit);
    }

    /// <summary>Records the boot, then runs the steps in order.</summary>
    protected override async Task AfterBootAsync(BootedHost booted)
    {
        boot = await RecordBootAsync(booted);
        AddressChange = await ScenarioStep<AddressChangeRecord>.RunAsync("address change", () => ChangeAddressAsync(booted));
        BrokenReload = await ScenarioStep<BrokenReloadRecord>.RunAsync("broken reload", () => ReloadBrokenAsync(booted));
        GoodReload = await ScenarioStep<GoodReloadRecord>.RunAsync("good reload", () => ReloadGoodAsync(booted));
        Crash = await ScenarioStep<CrashRecord>.RunAsync("kill -9", () => KillDaemonAsync(booted));
        NftablesRestart = await ScenarioStep<TableEventRecord>.RunAsync("restart nftables", () => TouchTableAsync(
            booted, () => SystemctlJob.RunAsync(booted, "restart", "nftables.service", Note), [], listing => listing is not null, SettleWait));
        TableDeleted = await ScenarioStep<TableEventRecord>.RunAsync("table deleted", () => TouchTableAsync(
            booted, () => booted.ExecAsync(["nft", "delete", "table", "inet", "wgagent"]), [], listing => listing is not null, RepairWait));
        TableAltered = await ScenarioStep<TableEventRecord>.RunAsync("table altered", () => TouchTableAsync(
            booted, () => booted.ExecAsync(["nft", "insert", "rule", "inet", "wgagent", "output", "accept", "comment", $"\"{TamperMarker}\""]),
            [TamperMarker], listing => listing is not null && !listing.Contains(TamperMarker, StringComparison.Ordinal), RepairWait));
    }

    /// <summary>Checks that the published wgagent has the daemon verb (and the killswitch one the units run).</summary>
    internal static async Task EnsureDaemonVerbAsync()
    {
        await PublishedAgent.EnsureKillswitchVerbAsync();
        var help = await CommandRunner.RunAsync([PublishedAgent.WgAgent, "run", "--help"], TimeSpan.FromSeconds(30));
        if (!help.Succeeded || !help.Stdout.Contains("wgagent run", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{PublishedAgent.WgAgent} has no `run` verb (stale publish?): run `make publish`. Its answer: {help.Describe()}");
        }
    }

    private async Task<BootRecord> RecordBootAsync(BootedHost booted)
    {
        var clock = Stopwatch.StartNew();
        string? prometheusError = null;
        try
        {
            await Lab.Prometheus.WaitForTargetUpAsync(PrometheusTimeout);
        }
        catch (Exception e) when (e is WgAgent.Lab.LabException or HttpRequestException)
        {
            prometheusError = e.Message;
        }

        var prometheusWait = clock.Elapsed;
        var samples = prometheusError is null ? await Lab.Prometheus.QueryAsync("scrape_samples_scraped{job=\"node\"}") : [];
        return new BootRecord
        {
            Journal = await booted.JournalEntriesAsync(),
            Daemon = await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit,
                "ActiveState", "SubState", "NRestarts", "MainPID", "ActiveEnterTimestampMonotonic", "ExecMainStartTimestampMonotonic"),
            StatusText = await DaemonProbe.StatusTextAsync(booted),
            Exporter = await DaemonProbe.ShowAsync(booted, ExporterNames.Service, "NRestarts", "ExecStart", "MainPID"),
            Listeners = await Listeners.OnExporterPortAsync(booted),
            FailedUnits = (await booted.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).Stdout.Trim(),
            SystemState = (await booted.ExecAsync(["systemctl", "is-system-running"])).Stdout.Trim(),
            PrometheusError = prometheusError,
            PrometheusWait = prometheusWait,
            ScrapedSamples = samples.Count == 1 ? samples[0].Value : null,
        };
    }

    private void Note(string text) => notes.Enqueue(text);

    private Task<string?> WaitForScrapeAfterAsync(DateTimeOffset since) => PrometheusWait.ForScrapeUpAfterAsync(Lab.Prometheus, since, PrometheusTimeout);

    private static async Task<string> ListTableAsync(BootedHost booted, params string[] flags) =>
        (await booted.ExecAsync(["nft", .. flags, "list", "table", "inet", "wgagent"])).EnsureSuccess().Stdout;
}
