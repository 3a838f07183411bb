using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <content>(e) and (f): <c>systemctl reload wgagent</c> with a broken config, then a good changed one.</content>
public sealed partial class DaemonNodeFixture
{
    /// <summary>What STATUS= says while the config is broken (DaemonStatusText in the daemon).</summary>
    public const string BrokenStatusPart = "/etc/wgagent.toml is broken, the previous policy is kept (see `agentctl config check` or `journalctl -u wgagent`)";

    /// <summary>The set the restricted-inbound table has and the lab's does not.</summary>
    public const string NewTableMarker = "allow_inbound_tcp";

    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(20);
    private static readonly string[] DaemonProperties = ["MainPID", "NRestarts", "ActiveState", "SubState"];

    private async Task<BrokenReloadRecord> ReloadBrokenAsync(BootedHost booted)
    {
        var original = await booted.ReadFileAsync(AgentPackage.ConfigPath);
        var (broken, line, column) = DaemonConfigs.WithTypeError(original);
        var tableBefore = await ListTableAsync(booted, "-s", "-a");
        var before = await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit, DaemonProperties);
        var cursor = await DaemonProbe.CursorAsync(booted);
        CommandResult reload;
        (bool, string) status;
        IReadOnlyList<JournalEntry> journal;
        IReadOnlyList<(TimeSpan, string)> events;
        string tableAfter;
        IReadOnlyDictionary<string, string> after;
        CommandResult check;
        try
        {
            await booted.WriteFileAsync(AgentPackage.ConfigPath, broken);
            using var monitor = await NftTableMonitor.StartAsync(Lab.Node.NamespaceName);
            reload = await SystemctlJob.RunAsync(booted, "reload", AgentPackage.DaemonUnit, Note);
            // ExecReload= is a kill -HUP: the job can end before the daemon has read the file. Wait for what it says.
            status = await DaemonProbe.WaitForStatusAsync(booted, s => s.Contains(BrokenStatusPart, StringComparison.Ordinal), ReloadWait);
            journal = await DaemonProbe.WaitForRecordAsync(booted, cursor,
                e => DaemonProbe.IsDaemon(e) && e.Message.Contains("is kept", StringComparison.Ordinal), ReloadWait);
            await Task.Delay(Afterglow);
            events = monitor.Events;
            tableAfter = await ListTableAsync(booted, "-s", "-a");
            after = await DaemonProbe.ShowAsync(booted, AgentPackage.DaemonUnit, DaemonProperties);
            check = await booted.ExecAsync([AgentPackage.AgentCtlPath, "config", "check", AgentPackage.ConfigPath]);
        }
        finally
        {
            await booted.WriteFileAsync(AgentPackage.ConfigPath, original);
        }

        var fixCursor = await DaemonProbe.CursorAsync(booted);
        var fix = await SystemctlJob.RunAsync(booted, "reload", AgentPackage.DaemonUnit, Note);
        var fixStatus = await DaemonProbe.WaitForStatusAsync(booted, IsHealthy, ReloadWait);
        var fixJournal = await DaemonProbe.WaitForRecordAsync(booted, fixCursor, IsApplied, ReloadWait);
        return new BrokenReloadRecord
        {
            ErrorAt = (line, column),
            TableBefore = tableBefore,
            TableAfter = tableAfter,
            Reload = reload,
            Status = status,
            DaemonBefore = before,
            DaemonAfter = after,
            Journal = journal,
            ConfigCheck = check,
            MonitorEvents = events,
            FixReload = fix,
            FixStatus = fixStatus,
            FixJournal = fixJournal,
        };
    }

    private async Task<GoodReloadRecord> ReloadGoodAsync(BootedHost booted)
    {
        var original = await booted.ReadFileAsync(AgentPackage.ConfigPath);
        var tableBefore = await ListTableAsync(booted, "-s");
        var cursor = await DaemonProbe.CursorAsync(booted);
        using var monitor = await NftTableMonitor.StartAsync(Lab.Node.NamespaceName);
        var sampler = await ContainerSampler.StartAsync(booted, SamplerScripts.Table, [NewTableMarker], SamplerDeadline);
        TableTrace trace;
        CommandResult reload;
        IReadOnlyList<JournalEntry> journal;
        (bool, string) status;
        try
        {
            // Kept for the steps after: the restarted daemon in (c) must load this table from the file.
            await booted.WriteFileAsync(AgentPackage.ConfigPath, DaemonConfigs.WithRestrictedInbound(original));
            reload = await SystemctlJob.RunAsync(booted, "reload", AgentPackage.DaemonUnit, Note);
            journal = await DaemonProbe.WaitForRecordAsync(booted, cursor, IsApplied, ReloadWait);
            status = await DaemonProbe.WaitForStatusAsync(booted, IsHealthy, ReloadWait);
            await Task.Delay(Afterglow);
            // Read again after the pause: what the daemon logged right after "applied" belongs to the reload too.
            journal = await DaemonProbe.SinceAsync(booted, cursor);
        }
        finally
        {
            trace = new TableTrace(await sampler.StopAsync());
        }

        var since = DateTimeOffset.UtcNow;
        return new GoodReloadRecord
        {
            TableBefore = tableBefore,
            TableAfter = await ListTableAsync(booted, "-s"),
            Reload = reload,
            Journal = journal,
            Status = status,
            Trace = trace,
            MonitorEvents = monitor.Events,
            Verify = await booted.ExecAsync([AgentPackage.WgAgentPath, "killswitch", "up"]),
            PrometheusError = await WaitForScrapeAfterAsync(since),
        };
    }

    private static bool IsHealthy(string status) =>
        !status.StartsWith("degraded", StringComparison.Ordinal) && status.Contains("kill switch verified", StringComparison.Ordinal);

    private static bool IsApplied(JournalEntry entry) =>
        DaemonProbe.IsDaemon(entry) && entry.Message.Contains($"reload: {AgentPackage.ConfigPath} applied", StringComparison.Ordinal);
}
