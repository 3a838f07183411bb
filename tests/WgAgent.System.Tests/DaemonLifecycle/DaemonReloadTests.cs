using System.Text.RegularExpressions;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// (e) <c>systemctl reload wgagent</c> with a type error in /etc/wgagent.toml keeps the table exactly as it was (same
/// handles: not even re-applied), keeps the service running, and says where the error is; the fixed file reloads
/// healthy again. (f) A good changed config (inbound restricted, tcp/2222 allowed) is applied in one transaction and
/// verified.
/// </summary>
[Collection(DaemonNodeCollection.Name)]
public sealed class DaemonReloadTests(DaemonNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<DaemonNodeFixture>(fixture, output)
{
    [Fact]
    public void Reload_BrokenConfig_TableUntouchedAndServiceStillRunning()
    {
        var record = Fixture.BrokenReload.Record;

        Assert.True(record.Reload.Succeeded, record.Reload.Describe());
        Assert.Equal(record.TableBefore, record.TableAfter);
        Assert.DoesNotContain(record.MonitorEvents, e => e.Line.EndsWith("table inet wgagent", StringComparison.Ordinal));
        Assert.Equal(record.DaemonBefore["MainPID"], record.DaemonAfter["MainPID"]);
        Assert.Equal(record.DaemonBefore["NRestarts"], record.DaemonAfter["NRestarts"]);
        Assert.Equal(("active", "running"), (record.DaemonAfter["ActiveState"], record.DaemonAfter["SubState"]));
        Output.WriteLine(Invariant($"systemctl reload wgagent (broken config): {record.Reload.Elapsed.TotalMilliseconds:0} ms; `nft -s -a list table inet wgagent` identical before and after ({record.TableAfter.Split('\n').Length} lines, handles included); nft monitor events: {record.MonitorEvents.Count}"));
        Output.WriteLine($"MainPID {record.DaemonAfter["MainPID"]} unchanged, NRestarts {record.DaemonAfter["NRestarts"]}");
    }

    [Fact]
    public void Reload_BrokenConfig_StatusHintsAndJournalPointsAtLineAndColumn()
    {
        var record = Fixture.BrokenReload.Record;
        var (line, column) = record.ErrorAt;
        var position = Invariant($"{AgentPackage.ConfigPath}:{line}:{column}: error: ");
        var daemon = record.Journal.Where(DaemonProbe.IsDaemon).Select(e => e.Message).ToList();
        var diagnostic = daemon.FirstOrDefault(m => m.StartsWith(position, StringComparison.Ordinal));
        var checkLine = record.ConfigCheck.Stdout.Split('\n').Concat(record.ConfigCheck.Stderr.Split('\n'))
            .FirstOrDefault(l => l.StartsWith(position, StringComparison.Ordinal));

        Assert.True(record.Status.Held, $"STATUS= never said the config is broken; last: {record.Status.Text}");
        Assert.StartsWith($"degraded: {DaemonNodeFixture.BrokenStatusPart}", record.Status.Text, StringComparison.Ordinal);
        Assert.Contains("kill switch verified", record.Status.Text, StringComparison.Ordinal);
        Assert.True(diagnostic is not null, $"no \"{position}…\" line from the daemon:\n{DaemonProbe.DaemonLines(record.Journal)}");
        Assert.Contains("wireguard.wait_timeout_seconds", diagnostic, StringComparison.Ordinal);
        Assert.Contains(daemon, m => Regex.IsMatch(m, @"^reload: .* is broken; the current table \(.+\) is kept"));
        // The same diagnostic as the operator's own check of the file.
        Assert.Equal(1, record.ConfigCheck.ExitCode);
        Assert.NotNull(checkLine);
        Assert.StartsWith(checkLine.Trim(), diagnostic, StringComparison.Ordinal);
        Output.WriteLine($"STATUS={record.Status.Text}");
        Output.WriteLine($"agentctl config check: {checkLine}");
        Output.WriteLine(DaemonProbe.DaemonLines(record.Journal));
    }

    [Fact]
    public void Reload_ConfigFixedAgain_StatusHealthy()
    {
        var record = Fixture.BrokenReload.Record;

        Assert.True(record.FixReload.Succeeded, record.FixReload.Describe());
        Assert.True(record.FixStatus.Held, $"STATUS= not healthy after the fixed reload: {record.FixStatus.Text}");
        Assert.Contains(record.FixJournal, e => DaemonProbe.IsDaemon(e) && e.Message == $"reload: {AgentPackage.ConfigPath} applied");
        Output.WriteLine($"STATUS={record.FixStatus.Text}");
        Output.WriteLine(DaemonProbe.DaemonLines(record.FixJournal));
    }

    [Fact]
    public void Reload_GoodChangedConfig_NewTableInOneTransactionAndVerified()
    {
        var record = Fixture.GoodReload.Record;
        var marker = "+" + DaemonNodeFixture.NewTableMarker;
        var states = record.Trace.Raw.States.Select(s => s.State).ToList();

        Assert.True(record.Reload.Succeeded, record.Reload.Describe());
        Assert.DoesNotContain(DaemonNodeFixture.NewTableMarker, record.TableBefore, StringComparison.Ordinal);
        Assert.Contains(DaemonNodeFixture.NewTableMarker, record.TableAfter, StringComparison.Ordinal);
        Assert.Contains("2222", record.TableAfter, StringComparison.Ordinal);
        // Every `nft list` showed either the old table or the new one: never none, never anything else.
        Assert.Empty(record.Trace.Absences);
        Assert.Equal(["present", $"present {marker}"], states);
        Assert.Contains(record.Journal, e => DaemonProbe.IsDaemon(e) && e.Message == $"reload: {AgentPackage.ConfigPath} applied");
        Assert.Contains(record.Journal, e => DaemonProbe.IsDaemon(e) && e.Message.StartsWith("kill switch verified", StringComparison.Ordinal));
        Assert.True(record.Status.Held, $"STATUS= not healthy after the reload: {record.Status.Text}");
        // killswitch up lists the kernel's table and compares it with the one computed from the file: equal.
        Assert.True(record.Verify.Succeeded, record.Verify.Describe());
        Assert.Contains("kill switch verified", record.Verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("(already in place)", record.Verify.Stdout, StringComparison.Ordinal);
        Output.WriteLine(Invariant($"systemctl reload wgagent: {record.Reload.Elapsed.TotalMilliseconds:0} ms; {record.Trace.Raw.Summary}"));
        Output.WriteLine(record.Trace.Describe());
        Output.WriteLine($"nft monitor (a replace is delete and add in one transaction):\n{Lines(record.MonitorEvents)}");
        Output.WriteLine($"wgagent killswitch up: {record.Verify.Stdout.Trim()}");
        Output.WriteLine($"STATUS={record.Status.Text}");
        Output.WriteLine(DaemonProbe.DaemonLines(record.Journal));
    }

    [Fact]
    public void Reload_RestrictedInbound_PrometheusStillScrapesOverTheTunnel()
    {
        var record = Fixture.GoodReload.Record;

        Assert.True(record.PrometheusError is null, record.PrometheusError);
    }

    [Fact]
    public void Reload_InterfaceUnchanged_TunnelWatchNotRestarted()
    {
        var record = Fixture.GoodReload.Record;
        var resync = record.Journal.Where(e => DaemonProbe.IsDaemon(e) && e.Message.StartsWith("tunnel: wg0: unknown → ", StringComparison.Ordinal)).ToList();

        // The reload changed inbound only: wg0 never changed, so nothing should report a tunnel change "from unknown",
        // which only a new netlink session (a fresh watcher's first dump) produces.
        Assert.True(resync.Count == 0, $"the reload restarted the tunnel watch:\n{DaemonProbe.DaemonLines(record.Journal)}");
    }
}
