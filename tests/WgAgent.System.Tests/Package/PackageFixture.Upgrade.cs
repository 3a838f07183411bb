using WgAgent.Lab.Addressing;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.DaemonLifecycle;
using WgAgent.System.Tests.Exporters;

namespace WgAgent.System.Tests.Package;

/// <content>
/// (3) The control, then (4) the upgrade, under the same three instruments: egress probes from node to inet outside
/// the tunnel (egress = "tunnel", so the table rejects each), a loop inside the node listing table inet wgagent, and
/// <c>nft monitor</c> in the node's namespace.
/// </content>
public sealed partial class PackageFixture
{
    /// <summary>
    /// The control's gap: the daemon stopped (it would put the table straight back), the table deleted, 300 ms without
    /// it, then the kill switch applied again and the daemon started. <c>wgagent killswitch up</c> rather than a reload
    /// of the unit: the lab's cgroups fail a reload of that exited oneshot at times (see SystemctlJob), and the control
    /// is about the instruments, not the unit.
    /// </summary>
    private const string GapScript =
        "systemctl stop wgagent.service && nft delete table inet wgagent && sleep 0.3 && wgagent killswitch up && systemctl start wgagent.service";

    private static readonly TimeSpan InstrumentDeadline = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private async Task<GapControlRecord> GapControlAsync(BootedHost booted)
    {
        var (gap, seen) = await UnderInstrumentsAsync(booted, () => booted.ExecAsync(["bash", "-c", GapScript], TimeSpan.FromSeconds(60)));
        var (status, _) = await WaitStatusOkAsync(booted);
        return new GapControlRecord { Gap = gap, Seen = seen, StatusAfter = status.ExitCode };
    }

    private async Task<UpgradeRecord> UpgradeAsync(BootedHost booted)
    {
        var deb = await CopyDebAsync(booted, Packages.UpgradePath);
        var pidBefore = (await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit, "MainPID"))["MainPID"];
        var cursor = await DaemonProbe.CursorAsync(booted);
        var (apt, seen) = await UnderInstrumentsAsync(booted, () => AptGetAsync(booted, "install", deb));

        var version = (await booted.ExecAsync(["dpkg-query", "--show", "--showformat=${Version}", "wgagent"])).Stdout.Trim();
        var pidAfter = (await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit, "MainPID"))["MainPID"];
        var units = await ActiveAsync(booted, AgentPackage.KillswitchUnit, TunnelUnit, AgentPackage.DaemonUnit);
        var (status, _) = await WaitStatusOkAsync(booted);
        return new UpgradeRecord
        {
            Apt = apt,
            Seen = seen,
            InstalledVersion = version,
            DaemonPid = (pidBefore, pidAfter),
            Units = units,
            Journal = await DaemonProbe.SinceAsync(booted, cursor),
            StatusJson = status,
            Listeners = await Listeners.OnExporterPortAsync(booted),
        };
    }

    /// <summary>
    /// Starts the instruments (the sampler returns once it has listed the table once), lets them run a moment, runs
    /// <paramref name="action"/>, lets them run a moment more, stops all three and counts what reached inet meanwhile.
    /// </summary>
    private async Task<(T Result, InstrumentReadings Seen)> UnderInstrumentsAsync<T>(BootedHost booted, Func<Task<T>> action)
    {
        using var monitor = await NftRuleMonitor.StartAsync(Lab.Node.NamespaceName);
        var sampler = await ContainerSampler.StartAsync(booted, SamplerScripts.Table, [], InstrumentDeadline);
        Lab.InetEcho.ClearHits();
        var loop = EgressProbeLoop.Start(Lab.Node, EgressTargets, LabPorts.Echo, InstrumentDeadline);
        ProbeLoopResult probes;
        var completed = false;
        T result;
        try
        {
            await Task.Delay(Settle);
            result = await action();
            await Task.Delay(Settle);
            completed = true;
        }
        finally
        {
            // All end whatever happened, so no loop outlives the step (the monitor ends with its using).
            probes = await loop.StopAsync();
            if (!completed)
            {
                try
                {
                    await sampler.StopAsync();
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException)
                {
                    // The action's own error is the one to report.
                }
            }
        }

        var table = new TableTrace(await sampler.StopAsync());
        return (result, new InstrumentReadings(probes, table, monitor.Events, Lab.InetEcho.Hits.Count));
    }
}
