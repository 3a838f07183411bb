using System.Net;
using WgAgent.Tunnel.Tests.Support;

namespace WgAgent.Tunnel.Tests;

public sealed class OtherInterfacesTests
{
    [Fact]
    public async Task RunAsync_ChangesOnOtherInterfaces_NoUpdate()
    {
        // Arrange: wg0 up; no link-local address generation, so the kernel adds nothing to wg0 by itself later.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.AddVethAsync("wg0", "wg0-peer", up: false);
        await scratch.IpAsync("link", "set", "wg0", "addrgenmode", "none");
        await scratch.IpAsync("link", "set", "wg0-peer", "up");
        await scratch.IpAsync("link", "set", "wg0", "up");
        await scratch.IpAsync("address", "add", "10.77.0.2/24", "dev", "wg0");
        await using var harness = WatcherHarness.Start(scratch);
        var before = await harness.WaitAsync(s => s.IsUp);
        while (harness.Subscription.Updates.TryRead(out _))
        {
        }

        // Act: look-alike names, their addresses (also wg0's address on another link), loopback, a deletion.
        await scratch.AddVethAsync("wg00", "wg", up: true);
        await scratch.IpAsync("address", "add", "10.77.0.3/24", "dev", "wg00");
        await scratch.IpAsync("address", "add", "fd77::3/64", "dev", "wg");
        await scratch.IpAsync("address", "add", "10.77.0.2/32", "dev", "wg");
        await scratch.IpAsync("address", "add", "127.0.0.2/8", "dev", "lo");
        await scratch.IpAsync("link", "set", "wg0-peer", "name", "wg0peer");
        await scratch.IpAsync("link", "del", "wg00");

        // The fence: a change to wg0 itself. The next update must be exactly that one.
        await scratch.IpAsync("address", "add", "10.77.0.4/24", "dev", "wg0");
        var next = await harness.NextAsync();

        // Assert
        Assert.Equal(before, next.Change.Previous);
        Assert.Equal([IPAddress.Parse("10.77.0.2"), IPAddress.Parse("10.77.0.4")], next.State.UsableIPv4);
        Assert.Empty(next.State.UsableIPv6);
        Assert.Equal(before.Link!.Index, next.State.Link!.Index);
    }
}
