using WgAgent.Lab.Addressing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// (d) A node installed like <see cref="DaemonNodeFixture"/>'s (same <see cref="InstallRun"/> first, so the exporter's
/// socket unit is in place), that then boots with a wg0.conf wg-quick cannot bring up: a PreUp hook whose script is
/// missing (<see cref="DaemonConfigs.MissingPreUpHook"/>), so wg-quick fails before it creates wg0. Unlike
/// Killswitch/MalformedTunnelFixture's broken Address line, wgagent reads this file fine — the kill switch is the
/// computed one, verified, and the daemon has a tunnel to wait for; <c>wait_timeout_seconds</c> is
/// <see cref="WaitSeconds"/>. After the boot is recorded, wg0.conf is fixed and wg-quick@wg0 started: the daemon keeps
/// watching and turns healthy.
/// </summary>
public sealed class DegradedTunnelFixture : BootedLabFixture
{
    /// <summary>wait_timeout_seconds in this node's /etc/wgagent.toml.</summary>
    public const int WaitSeconds = 3;

    private static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(20);
    private DegradedBootRecord? record;

    /// <summary>What the boot and the recovery showed.</summary>
    public DegradedBootRecord Record => record ?? throw new InvalidOperationException("the boot was not recorded (see the fixture's setup error)");

    /// <summary>The install boot before.</summary>
    public InstallRunRecord? Install { get; private set; }

    /// <inheritdoc />
    protected override string What => "node whose tunnel never comes up";

    /// <summary>wg-quick@wg0 fails by design: the boot ends "degraded".</summary>
    protected override bool AcceptDegraded => true;

    /// <inheritdoc />
    protected override string SetupIncludes => "the install boot, rootfs cache check and the recovery included";

    /// <inheritdoc />
    protected override Task BeforeLabAsync() => DaemonNodeFixture.EnsureDaemonVerbAsync();

    /// <inheritdoc />
    protected override async Task PrepareAsync(BootedHost booted)
    {
        var config = DaemonConfigs.WithWaitTimeout(WaitSeconds);
        Install = await InstallRun.RunAsync(Lab, config, Lab.NodeTunnel.ToWgQuickConfig());
        await AgentInstaller.InstallGuardedNodeAsync(booted, Lab.NodeTunnel, config);
        await InstallRun.CarryOverAsync(Install, booted);
        await booted.WriteFileAsync("/etc/wireguard/wg0.conf", DaemonConfigs.WithMissingPreUp(Lab.NodeTunnel), AgentInstaller.SecretMode);
        await booted.EnableUnitAsync(AgentPackage.DaemonUnit);
    }

    /// <inheritdoc />
    protected override async Task AfterBootAsync(BootedHost booted)
    {
        var node = LabAddresses.Node;
        var scrapes = new List<CommandResult>();
        foreach (var host in new[] { "127.0.0.1", "[::1]", node.V4.ToString(), $"[{node.V6}]" })
        {
            scrapes.Add(await booted.ExecAsync(["curl", "--globoff", "--silent", "--show-error", "--max-time", "2", "--output", "/dev/null", $"http://{host}:{LabPorts.NodeExporter}/metrics"]));
        }

        var journal = await booted.JournalEntriesAsync();
        var daemon = await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit,
            "ActiveState", "SubState", "NRestarts", "ActiveEnterTimestampMonotonic", "ExecMainStartTimestampMonotonic");
        var status = await DaemonProbe.StatusTextAsync(booted);
        var wgQuick = (await booted.ExecAsync(["systemctl", "is-failed", "wg-quick@wg0.service"])).Stdout.Trim();
        var wg0 = await booted.ExecAsync(["ip", "link", "show", "wg0"]);
        var addresses = (await booted.ExecAsync(["ip", "-o", "address", "show"])).Stdout;
        var listeners = await Listeners.OnExporterPortAsync(booted);
        var table = await booted.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        var up = await booted.ExecAsync([AgentPackage.WgAgentPath, "killswitch", "up"]);

        // The fix: the lab's good wg0.conf, and wg-quick@wg0 started again. The daemon is still waiting for wg0.
        var cursor = await DaemonProbe.CursorAsync(booted);
        await AgentInstaller.InstallTunnelConfigAsync(booted, Lab.NodeTunnel);
        await booted.ExecAsync(["systemctl", "reset-failed", "wg-quick@wg0.service"]);
        await SystemctlJob.RunAsync(booted, "start", "wg-quick@wg0.service", _ => { });
        var recoveredAt = DateTimeOffset.UtcNow;
        var recovered = await DaemonProbe.WaitForStatusAsync(booted,
            s => !s.StartsWith("degraded", StringComparison.Ordinal) && s.Contains($"wg0 up {node.RequiredTunnelV4}", StringComparison.Ordinal), RecoveryWait);
        await booted.ExecAsync(["ping", "-c", "1", "-W", "2", LabAddresses.Monitor.RequiredTunnelV4.ToString()]);
        var prometheus = await PrometheusWait.ForScrapeUpAfterAsync(Lab.Prometheus, recoveredAt, TimeSpan.FromSeconds(30));

        record = new DegradedBootRecord
        {
            Journal = journal,
            Daemon = daemon,
            StatusText = status,
            WgQuickState = wgQuick,
            Wg0 = wg0,
            Addresses = addresses,
            Listeners = listeners,
            LocalScrapes = scrapes,
            Table = table,
            KillswitchUp = up,
            RecoveredStatus = recovered,
            RecoveredPrometheusError = prometheus,
            RecoveryJournal = await DaemonProbe.SinceAsync(booted, cursor),
        };
    }
}
