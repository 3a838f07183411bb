using System.Globalization;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// Debian's nftables.service flushes the whole ruleset on start, restart, reload and stop; the drop-in
/// puts table inet wgagent back each time, before the systemctl job returns.
/// </summary>
[Collection(GuardedNodeCollection.Name)]
public sealed class NftablesServiceTests(GuardedNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<GuardedNodeFixture>(fixture, output)
{
    private const string NftablesUnit = "nftables.service";

    [Theory]
    [InlineData("restart")]
    [InlineData("reload")]
    [InlineData("stop")]
    public async Task Systemctl_NftablesFlushesRuleset_TablePresentWhenJobReturns(string verb)
    {
        using var monitor = await NftTableMonitor.StartAsync(Fixture.Lab.Node.NamespaceName);
        try
        {
            var job = await SystemctlJob.RunAsync(Fixture.Host, verb, NftablesUnit, Output.WriteLine);
            var table = await Fixture.Host.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
            var tables = (await Fixture.Host.ExecAsync(["nft", "list", "tables"])).EnsureSuccess().Stdout;
            await Task.Delay(200); // the monitor's last lines
            var absences = monitor.Absences();

            Assert.True(job.Succeeded, $"{job.Describe()}\n{await UnitLogAsync(NftablesUnit)}");
            Assert.True(table.Succeeded, $"after `systemctl {verb} nftables` the table is gone: {table.Describe()}\nnft monitor:\n{Lines(monitor)}");
            // Proof that nftables.service really flushed (else the test would pass without the drop-in):
            // the monitor saw the table deleted, and added again.
            Assert.NotEmpty(absences);
            Assert.Equal("add table inet wgagent", monitor.Events.Last(e => e.Line.EndsWith("table inet wgagent", StringComparison.Ordinal)).Line);
            // The operator's own ruleset is loaded too (start/reload) or gone (stop): nftables.service did its job.
            Assert.Equal(verb != "stop", tables.Contains("table inet filter", StringComparison.Ordinal));

            Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"systemctl {verb} nftables took {job.Elapsed.TotalMilliseconds:0} ms; table inet wgagent missing for "
                + $"{string.Join(", ", absences.Select(a => $"{a.TotalMilliseconds:0.0} ms"))} (longest {absences.Max().TotalMilliseconds:0.0} ms)"));
            Output.WriteLine($"nft monitor:\n{Lines(monitor)}");
        }
        finally
        {
            // Leave nftables.service as the boot left it for the other tests.
            await SystemctlJob.RunAsync(Fixture.Host, "start", NftablesUnit, Output.WriteLine);
        }
    }

    [Fact]
    public async Task Systemctl_ReloadKillswitch_ReappliesWithoutRestartingTunnel()
    {
        var wgQuickBefore = await UnitTimestamps.ReadAsync(Fixture.Host, "wg-quick@wg0.service");
        var reloadsBefore = await ReloadsAsync();
        using var monitor = await NftTableMonitor.StartAsync(Fixture.Lab.Node.NamespaceName);

        var reload = await SystemctlJob.RunAsync(Fixture.Host, "reload", AgentPackage.KillswitchUnit, Output.WriteLine);
        var table = await Fixture.Host.ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        var wgQuickAfter = await UnitTimestamps.ReadAsync(Fixture.Host, "wg-quick@wg0.service");
        var active = await Fixture.Host.ExecAsync(["systemctl", "is-active", "wg-quick@wg0.service", AgentPackage.KillswitchUnit]);

        var reloadsAfter = await ReloadsAsync();

        Assert.True(reload.Succeeded, $"{reload.Describe()}\n{await UnitLogAsync(AgentPackage.KillswitchUnit)}");
        Assert.True(table.Succeeded, table.Describe());
        Assert.Equal(reloadsBefore + 1, reloadsAfter);
        Assert.Equal(wgQuickBefore, wgQuickAfter);
        Assert.Equal("active\nactive", active.Stdout.Trim());
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"systemctl reload {AgentPackage.KillswitchUnit} took {reload.Elapsed.TotalMilliseconds:0} ms"));
        Output.WriteLine($"nft monitor:\n{Lines(monitor)}");
    }

    // Finished reload jobs of the kill-switch unit: PID 1 logs "Reloaded …" with JOB_TYPE=reload once its
    // ExecReload= (wgagent killswitch up) exited 0.
    private async Task<int> ReloadsAsync() =>
        (await Fixture.Host.JournalEntriesAsync(AgentPackage.KillswitchUnit))
            .Count(e => e.Unit == AgentPackage.KillswitchUnit && e.Get("JOB_TYPE") == "reload" && e.Get("JOB_RESULT") == "done");

    private async Task<string> UnitLogAsync(string unit) =>
        (await Fixture.Host.ExecAsync(["journalctl", "--boot", "--no-pager", "--output=short-monotonic", "--lines=30", "--unit", unit])).Stdout;

    private static string Lines(NftTableMonitor monitor) =>
        string.Join('\n', monitor.Events.Select(e => string.Create(CultureInfo.InvariantCulture, $"  {e.At.TotalMilliseconds,8:0.0} ms  {e.Line}")));
}
