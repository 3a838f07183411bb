using System.Text;
using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;
using Xunit.Abstractions;

namespace WgAgent.Firewall.Tests.Monitor;

public sealed class NftablesMonitorOverrunTests(ITestOutputHelper output)
{
    private const int Rules = 2000;

    [Fact]
    public async Task RunAsync_TransactionOverflowsTinyQueue_ReportsEventsLostAndKeepsWorking()
    {
        // Arrange: the smallest receive queue the kernel allows (it raises SO_RCVBUF to SOCK_MIN_RCVBUF), and one
        // transaction whose notifications span many datagrams, sent during the commit faster than any reader drains.
        await using var scratch = await Scratch.CreateAsync();
        await using var harness = await MonitorHarness.StartAsync(scratch, options: new() { ReceiveBufferBytes = 1 });
        var script = new StringBuilder("add table inet wgagent\nadd chain inet wgagent output\n");
        for (var i = 1; i <= Rules; i++)
        {
            script.Append($"add rule inet wgagent output meta mark 0x{i:x} counter\n");
        }

        // Act: bounded repeats until an overrun shows (one is expected at the first).
        var reports = new List<NftablesTableChange>();
        for (var round = 0; round < 5 && harness.Monitor.Overruns == 0; round++)
        {
            await harness.NftAsync(round == 0 ? script.ToString() : "flush table inet wgagent\n" + script.ToString()[30..]);
            reports.AddRange(await DrainAsync(harness));
        }

        // Assert: reported as lost, counted, and the monitor still reports the next change on the same socket.
        output.WriteLine($"{harness.Monitor.Overruns} overrun(s), {harness.Monitor.Notifications} notifications read; reports: "
            + string.Join(" | ", reports));
        Assert.True(harness.Monitor.Overruns > 0, "no ENOBUFS from transactions of 2000 rules with the smallest queue");
        Assert.Contains(reports, r => r.Reason == NftablesChangeReason.EventsLost && r.Detail!.Contains("ENOBUFS", StringComparison.Ordinal));
        Assert.Equal(0, harness.Monitor.Reopens);
        var command = await harness.NftAsync("delete table inet wgagent\n");
        var observed = await harness.NextAsync();
        output.WriteLine(MonitorHarness.Describe(command, observed));
        Assert.True(observed.Change is { Reason: NftablesChangeReason.Transaction, TableDeleted: true }
            || observed.Change.Reason == NftablesChangeReason.EventsLost, observed.Change.ToString());
    }

    // Reads reports until none came for a while (bounded: 200 reports or the harness's bound per read).
    private static async Task<List<NftablesTableChange>> DrainAsync(MonitorHarness harness)
    {
        var reports = new List<NftablesTableChange> { (await harness.NextAsync()).Change };
        for (var i = 0; i < 200; i++)
        {
            try
            {
                reports.Add((await harness.NextAsync(MonitorHarness.Quiet)).Change);
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        return reports;
    }
}
