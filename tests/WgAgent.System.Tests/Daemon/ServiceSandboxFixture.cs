using System.Globalization;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.Lab.WireGuard;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;

namespace WgAgent.System.Tests.Daemon;

/// <summary>
/// The guarded node (kill switch, wg-quick@wg0 and nftables.service enabled, the lab's /etc/wgagent.toml with one
/// exporter) with wgagent.service installed but not started, and <see cref="SandboxProbeUnit"/> next to it. After the
/// boot: the wgagent group is added (the package's postinst will), the two units are analysed, table inet wgagent is
/// deleted, and the probe runs once under the daemon's sandbox: <c>wgagent killswitch up</c>, <c>wgagent exporters
/// bind</c>, <c>wg show wg0 dump</c>, then <see cref="SocketProbeScript"/>. What happened is in <see cref="Probe"/>.
/// Then a stand-in daemon (<see cref="StandInDaemonScript"/>) in an exact copy of the unit but for ExecStart= is
/// started, reloaded and stopped (<see cref="StandIn"/>).
/// </summary>
public sealed class ServiceSandboxFixture : BootedLabFixture
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WatchdogPingTimeout = TimeSpan.FromSeconds(15);
    private static readonly string[] StandInProperties =
        ["ActiveState", "SubState", "Result", "StatusText", "MainPID", "WatchdogUSec", "NRestarts", "ExecMainStatus"];

    private SandboxProbeRecord? probe;
    private StandInRecord? standIn;
    private SecurityReport? daemonSecurity;
    private SecurityReport? probeSecurity;
    private SecurityReport? standInSecurity;

    /// <summary>The status socket the daemon serves (PRODUCT.md).</summary>
    public const string StatusSocket = "/run/wgagent/agent.sock";

    /// <summary>What the probe did.</summary>
    public SandboxProbeRecord Probe => probe ?? throw new InvalidOperationException("the probe did not run (see the fixture's setup error)");

    /// <summary>What the stand-in daemon did.</summary>
    public StandInRecord StandIn => standIn ?? throw new InvalidOperationException("the stand-in did not run (see the fixture's setup error)");

    /// <summary><c>systemd-analyze security wgagent.service</c>.</summary>
    public SecurityReport DaemonSecurity => daemonSecurity ?? throw new InvalidOperationException("no analysis (see the fixture's setup error)");

    /// <summary><c>systemd-analyze security</c> of the probe unit.</summary>
    public SecurityReport ProbeSecurity => probeSecurity ?? throw new InvalidOperationException("no analysis (see the fixture's setup error)");

    /// <summary><c>systemd-analyze security</c> of the stand-in daemon's unit.</summary>
    public SecurityReport StandInSecurity => standInSecurity ?? throw new InvalidOperationException("no analysis (see the fixture's setup error)");

    /// <inheritdoc />
    protected override string What => "node with the daemon's sandbox probe";

    /// <summary>Degraded is accepted at boot; <see cref="AfterBootAsync"/> then fails the fixture with the failed units.</summary>
    protected override bool AcceptDegraded => true;

    /// <inheritdoc />
    protected override string SetupIncludes => "rootfs cache check, install and the probe run included";

    /// <summary>A stale publish is the likeliest failure and says what to do.</summary>
    protected override async Task BeforeLabAsync()
    {
        await PublishedAgent.EnsureKillswitchVerbAsync();
        var help = await CommandRunner.RunAsync([PublishedAgent.WgAgent, "exporters", "bind", "--help"], TimeSpan.FromSeconds(30));
        if (!help.Succeeded || !help.Stdout.Contains("exporters bind", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{PublishedAgent.WgAgent} has no `exporters bind` verb (stale publish?): run `make publish`. Its answer: {help.Describe()}");
        }
    }

    /// <inheritdoc />
    protected override async Task PrepareAsync(BootedHost booted)
    {
        await AgentInstaller.InstallGuardedNodeAsync(booted, Lab.NodeTunnel, LabAgentConfig.TunnelEgress());
        await booted.WriteFileAsync(SandboxProbeUnit.Path, await ProbeUnitTextAsync(), AgentPackage.UnitMode);
        await booted.WriteFileAsync(SocketProbeScript.Path, SocketProbeScript.Text);
        await booted.WriteFileAsync(SandboxProbeUnit.StandInPath, await StandInUnitTextAsync(), AgentPackage.UnitMode);
        await booted.WriteFileAsync(StandInDaemonScript.Path, StandInDaemonScript.Text);
    }

    /// <summary>Fails on a boot that did not end "running"; otherwise runs the probe and records what it did.</summary>
    protected override async Task AfterBootAsync(BootedHost booted)
    {
        var state = (await booted.ExecAsync(["systemctl", "is-system-running"])).Stdout.Trim();
        if (state != "running")
        {
            var failed = (await booted.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).Stdout.Trim();
            throw new InvalidOperationException($"the {What} booted {state}; failed units:\n{failed}\n{await booted.JournalAsync()}");
        }

        // The rootfs has no wgagent group; the package's postinst must add it (issue 7), as this does.
        var groupBefore = await booted.ExecAsync(["getent", "group", AgentPackage.StatusGroup]);
        if (!groupBefore.Succeeded)
        {
            (await booted.ExecAsync(["groupadd", "--system", AgentPackage.StatusGroup])).EnsureSuccess();
        }

        daemonSecurity = await SecurityReport.OfAsync(booted, AgentPackage.DaemonUnit);
        probeSecurity = await SecurityReport.OfAsync(booted, SandboxProbeUnit.Name);
        standInSecurity = await SecurityReport.OfAsync(booted, SandboxProbeUnit.StandInName);
        var verify = await booted.ExecAsync(["systemd-analyze", "verify", "--man=no", SandboxProbeUnit.Name, SandboxProbeUnit.StandInName]);
        var wg0 = await booted.ExecAsync(["ip", "link", "show", TunnelConfig.InterfaceName]);

        // The kill switch loaded the table at boot: remove it, so that only the probe's `killswitch up` can have put
        // it back. (Inside the lab's node namespace only; egress there is open until the probe runs.)
        (await booted.ExecAsync(["nft", "delete", "table", "inet", "wgagent"])).EnsureSuccess();
        var tableBefore = await booted.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);

        var start = await booted.ExecAsync(["systemctl", "start", SandboxProbeUnit.Name], ProbeTimeout);
        var show = await PropertiesAsync(booted, SandboxProbeUnit.Name, ["Result", "ActiveState", "ExecMainStatus"]);
        var journal = await booted.ExecAsync(["journalctl", "--boot", "--no-pager", "--output=cat", "--unit", SandboxProbeUnit.Name]);
        var tableAfter = await booted.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        var socketUnitPath = Path.Combine(booted.RootPath, ExporterNames.SocketPath.TrimStart('/'));
        var socketUnit = File.Exists(socketUnitPath) ? await booted.ReadFileAsync(ExporterNames.SocketPath) : null;
        var listeners = await Listeners.WaitForAsync(booted, ExporterNames.TunnelEndpoints, ListenTimeout);
        var socketActive = await booted.ExecAsync(["systemctl", "is-active", ExporterNames.Socket]);
        var statusSocket = await booted.ExecAsync(["stat", "--format=%U:%G %a %F", StatusSocket]);
        var dropInFolder = await booted.ExecAsync(["stat", "--format=%U:%G %a %F", Path.GetDirectoryName(ExporterNames.DropInPath)!]);

        probe = new SandboxProbeRecord
        {
            GroupExistedBefore = groupBefore.Succeeded,
            Wg0BeforeProbe = wg0,
            TableBeforeProbe = tableBefore,
            UnitText = await booted.ReadFileAsync(SandboxProbeUnit.Path),
            Verify = verify,
            Start = start,
            State = show,
            Journal = journal.Stdout,
            TableAfterProbe = tableAfter,
            ExporterSocketUnit = socketUnit,
            ExporterSocketActive = socketActive,
            ExporterListeners = listeners,
            StatusSocketStat = statusSocket,
            DropInFolderStat = dropInFolder,
        };

        // Both units have RuntimeDirectory=wgagent, which a stop removes: one at a time.
        (await booted.ExecAsync(["systemctl", "stop", SandboxProbeUnit.Name], ProbeTimeout)).EnsureSuccess();
        standIn = await RunStandInAsync(booted);
    }

    private static async Task<StandInRecord> RunStandInAsync(BootedHost booted)
    {
        var start = await booted.ExecAsync(["systemctl", "start", SandboxProbeUnit.StandInName], ProbeTimeout);
        var afterStart = await PropertiesAsync(booted, SandboxProbeUnit.StandInName, StandInProperties);
        var firstPing = await WatchdogTimestampAsync(booted);
        var laterPing = firstPing;
        var deadline = DateTime.UtcNow + WatchdogPingTimeout;
        while (laterPing == firstPing && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            laterPing = await WatchdogTimestampAsync(booted);
        }

        var reload = await booted.ExecAsync(["systemctl", "reload", SandboxProbeUnit.StandInName], ProbeTimeout);
        var afterReload = await PropertiesAsync(booted, SandboxProbeUnit.StandInName, StandInProperties);
        var stop = await booted.ExecAsync(["systemctl", "stop", SandboxProbeUnit.StandInName], ProbeTimeout);
        var afterStop = await PropertiesAsync(booted, SandboxProbeUnit.StandInName, StandInProperties);
        var journal = await booted.ExecAsync(["journalctl", "--boot", "--no-pager", "--output=cat", "--unit", SandboxProbeUnit.StandInName]);
        return new StandInRecord
        {
            UnitText = await booted.ReadFileAsync(SandboxProbeUnit.StandInPath),
            Start = start,
            AfterStart = afterStart,
            WatchdogTimestamps = (firstPing, laterPing),
            Reload = reload,
            AfterReload = afterReload,
            Stop = stop,
            AfterStop = afterStop,
            Journal = journal.Stdout,
        };
    }

    private static async Task<string> WatchdogTimestampAsync(BootedHost booted) =>
        (await PropertiesAsync(booted, SandboxProbeUnit.StandInName, ["WatchdogTimestampMonotonic"]))["WatchdogTimestampMonotonic"];

    private static async Task<IReadOnlyDictionary<string, string>> PropertiesAsync(BootedHost booted, string unit, IReadOnlyList<string> names)
    {
        var show = (await booted.ExecAsync(["systemctl", "show", unit, $"--property={string.Join(',', names)}"])).EnsureSuccess().Stdout;
        return show.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
    }

    private static async Task<string> StandInUnitTextAsync() =>
        SandboxProbeUnit.StandInFromDaemonUnit(await DaemonUnitTextAsync(), $"/usr/bin/perl {StandInDaemonScript.Path}");

    private static Task<string> DaemonUnitTextAsync() =>
        File.ReadAllTextAsync(Path.Combine(RepoRoot.Find(), "systemd", "wgagent.service"));

    private static async Task<string> ProbeUnitTextAsync()
    {
        var daemonUnit = await DaemonUnitTextAsync();
        var node = LabAddresses.Node;
        return SandboxProbeUnit.FromDaemonUnit(
            daemonUnit,
            [
                $"{AgentPackage.WgAgentPath} killswitch up",
                $"{AgentPackage.WgAgentPath} exporters bind",
                $"/usr/bin/wg show {TunnelConfig.InterfaceName} dump",
            ],
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"/usr/bin/perl {SocketProbeScript.Path} {StatusSocket} {AgentPackage.StatusGroup} {SocketProbeScript.MetricsPort} {node.RequiredTunnelV4} {node.RequiredTunnelV6}"),
            ]);
    }
}
