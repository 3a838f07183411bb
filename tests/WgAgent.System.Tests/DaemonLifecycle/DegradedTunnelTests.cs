using System.Globalization;
using WgAgent.Lab.Addressing;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// (d) The tunnel never comes up: the daemon still reports READY, but only after wait_timeout_seconds and with a STATUS=
/// that starts "degraded:"; the kill switch is the verified one; the exporter answers nowhere — its only sockets are the
/// FreeBind ones on the wg0.conf addresses, which the node does not have. Fixed later, it turns healthy on its own.
/// </summary>
public sealed class DegradedTunnelTests(DegradedTunnelFixture fixture, ITestOutputHelper output)
    : BootedLabTests<DegradedTunnelFixture>(fixture, output), IClassFixture<DegradedTunnelFixture>
{
    [Fact]
    public void Boot_TunnelNeverUp_ReadyOnlyAfterTheWaitWithDegradedStatus()
    {
        var record = Fixture.Record;
        var journal = record.Journal;
        var ready = Require(journal.FirstJobRecord(AgentPackage.DaemonUnit, JournalMarks.UnitStartedId, "done"), "\"Started wgagent.service\" (READY=1)", journal);
        var mainStart = long.Parse(record.Daemon["ExecMainStartTimestampMonotonic"], CultureInfo.InvariantCulture);
        var waited = TimeSpan.FromMicroseconds(ready.MonotonicMicros() - mainStart);
        var warning = journal.FirstOrDefault(e => DaemonProbe.IsDaemon(e) && e.Message.Contains(Invariant($"not up after {DegradedTunnelFixture.WaitSeconds} s"), StringComparison.Ordinal));

        Assert.True(waited >= TimeSpan.FromSeconds(DegradedTunnelFixture.WaitSeconds), Invariant($"READY {waited.TotalMilliseconds:0} ms after the main process started, before the {DegradedTunnelFixture.WaitSeconds} s wait"));
        Assert.StartsWith(Invariant($"degraded: wg0 not up after {DegradedTunnelFixture.WaitSeconds} s; "), record.StatusText, StringComparison.Ordinal);
        Assert.Contains("kill switch verified", record.StatusText, StringComparison.Ordinal);
        Assert.Equal(("active", "running", "0"), (record.Daemon["ActiveState"], record.Daemon["SubState"], record.Daemon["NRestarts"]));
        Assert.NotNull(warning);
        Output.WriteLine(Invariant($"READY {waited.TotalMilliseconds:0} ms after wgagent's main process started (wait_timeout_seconds = {DegradedTunnelFixture.WaitSeconds})"));
        Output.WriteLine($"STATUS={record.StatusText}");
        Output.WriteLine(DaemonProbe.DaemonLines(journal));
    }

    [Fact]
    public void Boot_PreUpScriptMissing_WgQuickFailedAndWg0NeverExisted()
    {
        var record = Fixture.Record;
        var wgQuick = record.Journal.Where(e => e.SystemdUnit == "wg-quick@wg0.service").Select(e => e.Message).ToList();

        Assert.Equal("failed", record.WgQuickState);
        Assert.False(record.Wg0.Succeeded, "wg0 exists");
        Assert.Contains(wgQuick, m => m.Contains("/usr/local/sbin/wg0-prepare", StringComparison.Ordinal));
        Assert.DoesNotContain(wgQuick, m => m.Contains("ip link add", StringComparison.Ordinal));
        Output.WriteLine(string.Join('\n', wgQuick.Select(m => "  " + m)));
    }

    [Fact]
    public void Boot_TunnelNeverUp_ExporterAnswersNowhere()
    {
        var record = Fixture.Record;
        var tunnel = new[] { LabAddresses.Node.RequiredTunnelV4.ToString(), LabAddresses.Node.RequiredTunnelV6.ToString() };

        // Only FreeBind sockets on the wg0.conf addresses: no wildcard, no LAN address, no loopback.
        Assert.All(record.Listeners, l => Assert.Contains(l, ExporterNames.TunnelEndpoints));
        // And the node has none of those addresses, so they take no connection from anywhere.
        Assert.DoesNotContain(tunnel, a => record.Addresses.Contains($" {a}/", StringComparison.Ordinal));
        // curl exits 7 for "connection refused": nothing listens there (the kill switch lets loopback through).
        Assert.All(record.LocalScrapes, s => Assert.True(s.ExitCode == 7, s.Describe()));
        Output.WriteLine($"listening on :9100: {(record.Listeners.Count == 0 ? "nothing" : string.Join(", ", record.Listeners))}");
        Output.WriteLine($"node's addresses:\n{record.Addresses.Trim()}");
        foreach (var scrape in record.LocalScrapes)
        {
            Output.WriteLine($"  {scrape.Argv[^1]}: {scrape.Stderr.Trim()} (exit {scrape.ExitCode})");
        }
    }

    [Fact]
    public void Boot_TunnelNeverUp_KillswitchIsTheComputedTableVerified()
    {
        var record = Fixture.Record;

        Assert.True(record.Table.Succeeded, record.Table.Describe());
        Assert.DoesNotContain("block-all", record.Table.Stdout, StringComparison.Ordinal);
        Assert.Contains("oifname \"wg0\" accept", record.Table.Stdout, StringComparison.Ordinal);
        Assert.True(record.KillswitchUp.Succeeded, record.KillswitchUp.Describe());
        Assert.Contains("kill switch verified", record.KillswitchUp.Stdout, StringComparison.Ordinal);
        Assert.Contains("(already in place)", record.KillswitchUp.Stdout, StringComparison.Ordinal);
        Output.WriteLine($"wgagent killswitch up: {record.KillswitchUp.Stdout.Trim()}");
    }

    [Fact]
    public void Tunnel_FixedAfterTheWait_DaemonTurnsHealthyAndPrometheusScrapes()
    {
        var record = Fixture.Record;

        Assert.True(record.RecoveredStatus.Held, $"STATUS= after the fix: {record.RecoveredStatus.Text}\n{DaemonProbe.DaemonLines(record.RecoveryJournal)}");
        Assert.True(record.RecoveredPrometheusError is null, record.RecoveredPrometheusError);
        Output.WriteLine($"STATUS={record.RecoveredStatus.Text}");
        Output.WriteLine(DaemonProbe.DaemonLines(record.RecoveryJournal));
    }
}
