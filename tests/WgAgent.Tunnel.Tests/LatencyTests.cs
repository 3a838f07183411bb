using System.Diagnostics;
using System.Net;
using WgAgent.Core.Tunnel;
using WgAgent.Tunnel.Tests.Support;
using Xunit.Abstractions;

namespace WgAgent.Tunnel.Tests;

[Collection(LatencyCollection.Name)]
public sealed class LatencyTests(ITestOutputHelper output)
{
    private const int WarmUp = 6;
    private const int Changes = 60;

    [Fact]
    public async Task RunAsync_SixtyAddressChanges_EachPublishedPromptly()
    {
        // Arrange: wg0 up with a fixed address; the measured changes add and remove a second one.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.AddVethAsync("wg0", "wg0-peer", up: false);
        await scratch.IpAsync("link", "set", "wg0", "addrgenmode", "none");
        await scratch.IpAsync("link", "set", "wg0-peer", "up");
        await scratch.IpAsync("link", "set", "wg0", "up");
        await scratch.IpAsync("address", "add", "10.77.0.2/24", "dev", "wg0");
        await using var harness = WatcherHarness.Start(scratch);
        var index = (await harness.WaitAsync(s => s.IsUp)).Link!.Index;
        while (harness.Subscription.Updates.TryRead(out _))
        {
        }

        using var requester = await RouteNetlinkSocket.OpenAsync(scratch.Path, 1 << 20);
        var probe = IPAddress.Parse("10.77.1.1");
        var endToEnd = new List<TimeSpan>();
        var inAgent = new List<TimeSpan>();

        // Act
        for (var i = 0; i < WarmUp + Changes; i++)
        {
            var add = i % 2 == 0;
            var sequence = (uint)(i + 1);
            var sentAt = Stopwatch.GetTimestamp();
            await requester.SendAsync(AddressRequests.Encode(add, index, probe, 32, sequence), CancellationToken.None);
            await ExpectAckAsync(requester, sequence);
            var update = await harness.NextAsync();
            Assert.Equal(add, update.State.UsableIPv4.Contains(probe));
            if (i >= WarmUp)
            {
                // The first changes run through code the JIT has not compiled yet; the daemon pays that once.
                endToEnd.Add(Stopwatch.GetElapsedTime(sentAt, update.PublishedAt));
                inAgent.Add(update.Latency);
            }
        }

        // Assert: report, and bound it loosely (the point is the report; a bound catches a polling regression).
        output.WriteLine("samples (µs): " + string.Join(" ", endToEnd.Select(v => v.TotalMicroseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        output.WriteLine($"kernel event → published state, {Changes} address changes: {Summary(endToEnd)}");
        output.WriteLine($"  of which in the agent (datagram received → published): {Summary(inAgent)}");
        Console.WriteLine($"[tunnel latency] event→state {Summary(endToEnd)}; receive→publish {Summary(inAgent)}");
        Assert.True(Percentile(endToEnd, 0.99) < TimeSpan.FromMilliseconds(500), Summary(endToEnd));
    }

    private static async Task ExpectAckAsync(RouteNetlinkSocket socket, uint sequence)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(WatcherHarness.Bound);
        while (true)
        {
            // The requester is subscribed too, so notifications come before and after the acknowledgement.
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            foreach (var message in RouteNetlinkParser.Parse(buffer.AsSpan(0, received.Length)))
            {
                if (message is NetlinkErrorReply reply && reply.Header.Sequence == sequence)
                {
                    Assert.True(reply.Errno == 0, $"the kernel refused the change: errno {reply.Errno}");
                    return;
                }
            }
        }
    }

    private static string Summary(List<TimeSpan> values) =>
        $"p50 {Micro(Percentile(values, 0.5))}, p90 {Micro(Percentile(values, 0.9))}, p99 {Micro(Percentile(values, 0.99))}, max {Micro(values.Max())}";

    private static string Micro(TimeSpan value) => $"{value.TotalMicroseconds:0} µs";

    private static TimeSpan Percentile(List<TimeSpan> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}
