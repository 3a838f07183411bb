using System.Diagnostics;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <content>(c): the daemon killed, and the table flushed, deleted or changed behind its back.</content>
public sealed partial class DaemonNodeFixture
{
    /// <summary>The comment of the rule the "altered" step inserts.</summary>
    public const string TamperMarker = "lab-tamper";

    // RestartSec=5s, then the start itself: generous, the facts report the real figure.
    private static readonly TimeSpan RestartWait = TimeSpan.FromSeconds(45);

    // The bound is 1 s; waiting a little longer tells "slow" from "never" in the record.
    private static readonly TimeSpan RepairWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(3);

    private async Task<CrashRecord> KillDaemonAsync(BootedHost booted)
    {
        var before = await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit, DaemonProperties);
        var exporterBefore = (await DaemonProbe.ShowAsync(booted, ExporterNames.Service, "MainPID"))["MainPID"];
        var cursor = await DaemonProbe.CursorAsync(booted);
        using var monitor = await NftTableMonitor.StartAsync(Lab.Node.NamespaceName);
        var sampler = await ContainerSampler.StartAsync(booted, SamplerScripts.Table, [], SamplerDeadline);
        CommandResult kill;
        TimeSpan? back = null;
        IReadOnlyDictionary<string, string> after;
        TableTrace trace;
        try
        {
            var clock = Stopwatch.StartNew();
            kill = await booted.ExecAsync(["kill", "-9", before["MainPID"]]);
            while (true)
            {
                after = await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit, DaemonProperties);
                if (after["ActiveState"] == "active" && after["MainPID"] != before["MainPID"] && after["MainPID"] != "0")
                {
                    back = clock.Elapsed;
                    break;
                }

                if (clock.Elapsed > RestartWait)
                {
                    break;
                }

                await Task.Delay(100);
            }

            await Task.Delay(Afterglow);
        }
        finally
        {
            trace = new TableTrace(await sampler.StopAsync());
        }

        return new CrashRecord
        {
            Before = before,
            After = after,
            ExporterPid = (exporterBefore, (await DaemonProbe.ShowAsync(booted, ExporterNames.Service, "MainPID"))["MainPID"]),
            Kill = kill,
            ActiveAgainAfter = back,
            Trace = trace,
            MonitorEvents = monitor.Events,
            Journal = await DaemonProbe.SinceAsync(booted, cursor),
            StatusAfter = await DaemonProbe.StatusTextAsync(booted),
        };
    }

    /// <summary>
    /// Does <paramref name="act"/> to the table while sampling it, waits (bounded by <paramref name="wait"/>) until the
    /// listing satisfies <paramref name="restored"/>, and if it never does puts the table back with <c>wgagent
    /// killswitch up</c> (recorded) so that the node is guarded again.
    /// </summary>
    private async Task<TableEventRecord> TouchTableAsync(
        BootedHost booted, Func<Task<CommandResult>> act, IReadOnlyList<string> markers, Func<string?, bool> restored, TimeSpan wait)
    {
        var cursor = await DaemonProbe.CursorAsync(booted);
        using var monitor = await NftTableMonitor.StartAsync(Lab.Node.NamespaceName);
        using var rules = await NftRuleMonitor.StartAsync(Lab.Node.NamespaceName);
        var sampler = await ContainerSampler.StartAsync(booted, SamplerScripts.Table, markers, SamplerDeadline);
        CommandResult action;
        var ok = false;
        TimeSpan? restoredAfter = null;
        TableTrace trace;
        try
        {
            action = await act();
            var clock = Stopwatch.StartNew();
            while (!ok && clock.Elapsed < wait)
            {
                var listing = await booted.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
                ok = restored(listing.Succeeded ? listing.Stdout : null);
                if (ok)
                {
                    restoredAfter = clock.Elapsed;
                }
                else
                {
                    await Task.Delay(50);
                }
            }

            await Task.Delay(Afterglow);
        }
        finally
        {
            trace = new TableTrace(await sampler.StopAsync());
        }

        CommandResult? restoredByTest = null;
        if (!ok)
        {
            restoredByTest = await booted.ExecAsync([AgentPackage.WgAgentPath, "killswitch", "up"]);
            Note($"`{action.CommandLine}`: the table was not back within {wait.TotalSeconds} s; the fixture ran `wgagent killswitch up`: {restoredByTest.Describe()}");
        }

        var journal = await DaemonProbe.WaitForRecordAsync(booted, cursor, e => DaemonProbe.IsDaemon(e) && e.Message.Contains("kill switch", StringComparison.Ordinal),
            TimeSpan.FromSeconds(2));
        return new TableEventRecord
        {
            Action = action,
            Trace = trace,
            MonitorEvents = monitor.Events,
            MonitorAbsences = monitor.Absences(),
            RuleEvents = rules.Events,
            MarkerRemovedAfter = markers.Count == 0 ? null : rules.MarkedUntilReplaced(markers[0]),
            Journal = journal,
            RestoredAfter = restoredAfter,
            RestoredByTest = restoredByTest,
        };
    }
}
