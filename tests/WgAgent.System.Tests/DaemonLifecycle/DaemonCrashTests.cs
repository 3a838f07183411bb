using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// (c) The table outlives the daemon: <c>kill -9</c> of its main process leaves table inet wgagent in place until
/// systemd has restarted it (Restart=on-failure). And the table comes back within 1 s when something takes it away:
/// <c>systemctl restart nftables</c> (the drop-in and the daemon), <c>nft delete table</c> and an inserted rule (the
/// daemon's own repair, on nftables' netlink events).
/// </summary>
[Collection(DaemonNodeCollection.Name)]
public sealed class DaemonCrashTests(DaemonNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<DaemonNodeFixture>(fixture, output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [Fact]
    public void Kill9_Daemon_SystemdRestartsItAndTheExporterIsLeftAlone()
    {
        var record = Fixture.Crash.Record;
        var before = int.Parse(record.Before["NRestarts"], global::System.Globalization.CultureInfo.InvariantCulture);
        var after = int.Parse(record.After["NRestarts"], global::System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(record.Kill.Succeeded, record.Kill.Describe());
        Assert.True(record.ActiveAgainAfter is not null, $"not active again within the wait: {string.Join(", ", record.After)}\n{DaemonProbe.DaemonLines(record.Journal)}");
        Assert.Equal(before + 1, after);
        Assert.NotEqual(record.Before["MainPID"], record.After["MainPID"]);
        Assert.Equal(("active", "running"), (record.After["ActiveState"], record.After["SubState"]));
        Assert.Contains(record.Journal, e => e.Unit == AgentPackage.DaemonUnit && e.Message.Contains("status=9/KILL", StringComparison.Ordinal));
        Assert.False(record.StatusAfter.StartsWith("degraded", StringComparison.Ordinal), record.StatusAfter);
        // The restarted daemon found the exporter's files as it would write them: no restart of the exporter.
        Assert.Equal(record.ExporterPid.Before, record.ExporterPid.After);
        Output.WriteLine(Invariant($"kill -9 {record.Before["MainPID"]}: active again as PID {record.After["MainPID"]} after {record.ActiveAgainAfter!.Value.TotalMilliseconds:0} ms (RestartSec=5s); NRestarts {before} -> {after}"));
        Output.WriteLine($"STATUS={record.StatusAfter}; exporter PID {record.ExporterPid.After} unchanged");
        Output.WriteLine(string.Join('\n', record.Journal.Where(e => e.Unit == AgentPackage.DaemonUnit || DaemonProbe.IsDaemon(e)).Select(e => $"  [{e.Get("__MONOTONIC_TIMESTAMP")} µs] {e.Message}")));
    }

    [Fact]
    public void Kill9_Daemon_TableNeverAbsentUntilItIsBack()
    {
        var record = Fixture.Crash.Record;

        Assert.Empty(record.Trace.Absences);
        Assert.All(record.Trace.Raw.States, s => Assert.Equal("present", s.State));
        Assert.DoesNotContain(record.MonitorEvents, e => e.Line == "delete table inet wgagent");
        Output.WriteLine($"nft list table inet wgagent from the kill until the daemon was back: {record.Trace.Raw.Summary}, never absent");
        Output.WriteLine($"nft monitor: {(record.MonitorEvents.Count == 0 ? "no table events" : "\n" + Lines(record.MonitorEvents))}");
    }

    [Fact]
    public void RestartNftables_FlushesRuleset_TableBackWithinOneSecond()
    {
        var record = Fixture.NftablesRestart.Record;

        Assert.True(record.Action.Succeeded, record.Action.Describe());
        Assert.Null(record.RestoredByTest);
        AssertBackWithinBound(record);
    }

    [Fact]
    public void DeleteTable_DaemonRunning_RepairedWithinOneSecond()
    {
        var record = Fixture.TableDeleted.Record;

        Assert.True(record.Action.Succeeded, record.Action.Describe());
        Assert.True(record.RestoredByTest is null, $"the daemon did not put the table back; the fixture did:\n{DaemonProbe.DaemonLines(record.Journal)}\n{record.Trace.Describe()}");
        Assert.True(record.RestoredAfter <= Bound, Invariant($"`nft list` still failed {record.RestoredAfter?.TotalMilliseconds:0} ms after the delete returned"));
        AssertBackWithinBound(record);
        Assert.Contains(record.Journal, e => DaemonProbe.IsDaemon(e) && e.Message.Contains("repaired and verified", StringComparison.Ordinal));
    }

    [Fact]
    public void AlterTable_DaemonRunning_RepairedWithinOneSecond()
    {
        var record = Fixture.TableAltered.Record;
        var marker = DaemonNodeFixture.TamperMarker;
        // The sampler may not catch the rule at all (the repair can beat one `nft list`); when it does, it must go soon.
        var seen = record.Trace.First(s => s.Contains("+" + marker, StringComparison.Ordinal));
        var gone = seen is { } m ? record.Trace.Raw.States.FirstOrDefault(s => s.Micros > m && s.State == "present").Micros : (long?)null;

        Assert.True(record.Action.Succeeded, record.Action.Describe());
        Assert.True(record.RestoredByTest is null, $"the daemon did not undo the change; the fixture did:\n{DaemonProbe.DaemonLines(record.Journal)}\n{record.Trace.Describe()}");
        // nft monitor prints the insert as "insert rule inet wgagent output accept comment …".
        Assert.Contains(record.RuleEvents, e => e.Line.Contains(" rule inet wgagent output ", StringComparison.Ordinal) && e.Line.Contains(marker, StringComparison.Ordinal));
        Assert.True(record.RestoredAfter <= Bound, Invariant($"`nft list` still showed the rule {record.RestoredAfter?.TotalMilliseconds:0} ms after the insert returned"));
        Assert.True(record.MarkerRemovedAfter is not null, $"nft monitor saw no repair after the rule:\n{Lines(record.RuleEvents)}");
        Assert.True(record.MarkerRemovedAfter <= Bound, Invariant($"the altered table was put back after {record.MarkerRemovedAfter!.Value.TotalMilliseconds:0} ms"));
        Assert.True(gone is null || gone > 0, $"the sampler saw the rule and never saw it go:\n{record.Trace.Describe()}");
        Assert.True(seen is null || TimeSpan.FromMicroseconds(gone!.Value - seen.Value) <= Bound, $"the sampler saw the rule for too long:\n{record.Trace.Describe()}");
        Assert.Empty(record.Trace.Absences);
        Assert.Contains(record.Journal, e => DaemonProbe.IsDaemon(e) && e.Message.Contains("repaired and verified", StringComparison.Ordinal));
        Output.WriteLine(Invariant($"`nft insert rule … comment \"{marker}\"` -> table put back whole: {record.MarkerRemovedAfter!.Value.TotalMilliseconds:0.0} ms by nft monitor's arrival stamps; first `nft list` after the insert returned already without it: {record.RestoredAfter!.Value.TotalMilliseconds:0} ms (upper bound)"));
        Output.WriteLine($"in the node ({record.Trace.Raw.Summary}): {(seen is null ? "the rule was never listed (repaired between two samples)" : "\n" + record.Trace.Describe())}");
        Output.WriteLine($"nft monitor (first lines):\n{Lines(record.RuleEvents.Take(6))}");
        Output.WriteLine(DaemonProbe.DaemonLines(record.Journal));
    }

    // Both views: nft monitor (every delete until the next add) and the in-node sampler (absent samples until present).
    private void AssertBackWithinBound(TableEventRecord record)
    {
        var sampled = record.Trace.Absences;
        Output.WriteLine(Invariant($"`{Inside(record.Action)}`: {record.Action.Elapsed.TotalMilliseconds:0} ms; first `nft list` after it that listed the table: +{record.RestoredAfter?.TotalMilliseconds:0} ms"));
        Output.WriteLine($"nft monitor:\n{Lines(record.MonitorEvents)}");
        Output.WriteLine($"in the node ({record.Trace.Raw.Summary}):\n{record.Trace.Describe()}");
        Output.WriteLine(DaemonProbe.DaemonLines(record.Journal));

        // Proof that the table really went (else this would pass without any repair).
        Assert.NotEmpty(record.MonitorAbsences);
        Assert.All(record.MonitorAbsences, a => Assert.True(a <= Bound, Invariant($"missing for {a.TotalMilliseconds:0} ms (nft monitor)")));
        Assert.All(sampled, a => Assert.True(a.To is not null && TimeSpan.FromMicroseconds(a.To.Value - a.From) <= Bound,
            $"absent from {a.From} µs to {a.To?.ToString(global::System.Globalization.CultureInfo.InvariantCulture) ?? "the end"} (sampler)"));
        Output.WriteLine(Invariant($"table missing (nft monitor): {string.Join(", ", record.MonitorAbsences.Select(a => $"{a.TotalMilliseconds:0.0} ms"))}; longest {record.MonitorAbsences.Max().TotalMilliseconds:0.0} ms"));
    }
}
