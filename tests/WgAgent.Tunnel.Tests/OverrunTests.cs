using System.Net;
using WgAgent.Tunnel.Tests.Support;
using Xunit.Abstractions;

namespace WgAgent.Tunnel.Tests;

public sealed class OverrunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_BurstOverflowsTinyQueue_ResyncsToTheKernelsState()
    {
        // Arrange: the smallest receive queue the kernel allows (it raises SO_RCVBUF to SOCK_MIN_RCVBUF), so a burst
        // of notifications from one `ip -batch` fills it faster than the watcher drains it.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await scratch.AddVethAsync("busy", "busy-peer");
        await using var harness = WatcherHarness.Start(scratch, options: new() { ReceiveBufferBytes = 1 });
        await harness.WaitAsync(s => s.IsPresent);
        var batch = Path.GetTempFileName();
        var rounds = 0;
        try
        {
            // Act: 250 changes elsewhere and one to wg0 in the middle, then wg0's address last; repeated (bounded)
            // until an overrun shows.
            for (; rounds == 0 || (rounds < 5 && harness.Watcher.Overruns == 0); rounds++)
            {
                var lines = Enumerable.Range(1, 250).Select(i => $"address add 10.{88 + rounds}.0.{i}/32 dev busy").ToList();
                lines.Insert(125, $"address add 10.66.{rounds}.1/32 dev wg0");
                lines.Add($"address add 10.77.{rounds}.2/24 dev wg0");
                await File.WriteAllLinesAsync(batch, lines);
                await scratch.IpAsync("-batch", batch);
                var last = IPAddress.Parse($"10.77.{rounds}.2");
                await harness.WaitAsync(s => s.UsableIPv4.Contains(last));
            }
        }
        finally
        {
            File.Delete(batch);
        }

        // Assert: overruns happened, were answered with dumps, and the state is exactly the kernel's.
        output.WriteLine($"{rounds} burst(s): {harness.Watcher.Overruns} overrun(s), {harness.Watcher.DumpRequests} dump requests, "
            + $"{harness.Watcher.Reopens} reopens ({harness.Watcher.LastFailure ?? "no failure"})");
        Assert.True(harness.Watcher.Overruns > 0, "no ENOBUFS in 5 bursts of 252 changes");
        Assert.True(harness.Watcher.DumpRequests > 2);
        Assert.Equal(0, harness.Watcher.Reopens);
        var kernel = await scratch.AddressesAsync("wg0");
        var watched = harness.Watcher.Current.Addresses.Select(a => $"{a.Address}/{a.PrefixLength}").Order(StringComparer.Ordinal);
        Assert.Equal(kernel, watched);
        Assert.Equal(2 * rounds, harness.Watcher.Current.UsableIPv4.Count());
    }
}
