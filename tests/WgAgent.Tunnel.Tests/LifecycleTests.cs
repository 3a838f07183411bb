using System.Net;
using WgAgent.Core.Tunnel;
using WgAgent.Tunnel.Tests.Support;

namespace WgAgent.Tunnel.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task RunAsync_InterfaceExistedBeforeStart_InitialDumpReportsItUp()
    {
        // Arrange: wg0 up with both families before the watcher exists; no DAD so the IPv6 address is ready.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.SetDadAsync(false);
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await scratch.IpAsync("address", "add", "10.77.0.2/24", "dev", "wg0");
        await scratch.IpAsync("address", "add", "fd77::2/64", "dev", "wg0");

        // Act
        await using var harness = WatcherHarness.Start(scratch);
        var first = await harness.NextAsync();
        var both = await harness.WaitAsync(s => s.UsableIPv6.Any());

        // Assert: the first update goes straight from unknown to up, with what the dump found. The IPv6 address may
        // still be tentative in it: even without DAD the kernel clears the flag from a work queue, after `ip` returned.
        Assert.Equal(TunnelPhase.Unknown, first.Change.Previous.Phase);
        Assert.Equal(TunnelPhase.Up, first.State.Phase);
        Assert.Equal("veth", first.State.Link!.Kind);
        Assert.Equal([IPAddress.Parse("10.77.0.2")], first.State.UsableIPv4);
        Assert.Contains(first.State.Addresses, a => a.Address.Equals(IPAddress.Parse("fd77::2")));
        Assert.Equal([IPAddress.Parse("fd77::2")], both.UsableIPv6);
        Assert.Equal(2, harness.Watcher.DumpRequests);
    }

    [Fact]
    public async Task RunAsync_LinkCreatedBroughtUpAddressed_GoesAbsentPresentUp()
    {
        // Arrange
        await using var scratch = await Scratch.CreateAsync();
        await using var harness = WatcherHarness.Start(scratch);
        Assert.Equal(TunnelPhase.Absent, (await harness.NextAsync()).State.Phase);

        // Act / Assert: created (down), both ends up (still no usable address), then an IPv4 address.
        await scratch.AddVethAsync("wg0", "wg0-peer", up: false);
        var created = await harness.NextAsync();
        Assert.Equal((TunnelPhase.Absent, TunnelPhase.Present), (created.Change.Previous.Phase, created.State.Phase));
        Assert.False(created.State.Link!.IsAdministrativelyUp);

        await scratch.IpAsync("link", "set", "wg0-peer", "up");
        await scratch.IpAsync("link", "set", "wg0", "up");
        var up = await harness.WaitAsync(s => s.Link?.IsUp == true);
        Assert.Equal(TunnelPhase.Present, up.Phase);

        await scratch.IpAsync("address", "add", "10.77.0.2/24", "dev", "wg0");
        var ready = await harness.UntilAsync(s => s.IsUp);
        Assert.Equal([IPAddress.Parse("10.77.0.2")], ready[^1].State.UsableIPv4);
        Assert.True(ready[^1].Change.AddressesChanged);
    }

    [Fact]
    public async Task RunAsync_AddressChanged_PublishesNewAddress()
    {
        // Arrange
        await using var scratch = await Scratch.CreateAsync();
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await scratch.IpAsync("address", "add", "10.77.0.2/24", "dev", "wg0");
        await using var harness = WatcherHarness.Start(scratch);
        await harness.WaitAsync(s => s.IsUp);

        // Act: the old address goes, the new one comes (as `ip address replace` of a different address cannot do).
        await scratch.IpAsync("address", "del", "10.77.0.2/24", "dev", "wg0");
        await scratch.IpAsync("address", "add", "10.77.0.5/24", "dev", "wg0");

        // Assert
        var state = await harness.WaitAsync(s => s.UsableIPv4.Contains(IPAddress.Parse("10.77.0.5")));
        Assert.Equal([IPAddress.Parse("10.77.0.5")], state.UsableIPv4);
        Assert.True(state.IsUp);
    }

    [Fact]
    public async Task RunAsync_LinkDeletedAndRecreated_AbsentThenNewLinkWithNewAddress()
    {
        // Arrange
        await using var scratch = await Scratch.CreateAsync();
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await scratch.IpAsync("address", "add", "10.77.0.2/24", "dev", "wg0");
        await using var harness = WatcherHarness.Start(scratch);
        var before = await harness.WaitAsync(s => s.IsUp);

        // Act
        await scratch.IpAsync("link", "del", "wg0");
        var gone = await harness.WaitAsync(s => s.Phase == TunnelPhase.Absent);
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await scratch.IpAsync("address", "add", "10.77.0.9/24", "dev", "wg0");
        var after = await harness.WaitAsync(s => s.IsUp);

        // Assert
        Assert.Empty(gone.Addresses);
        Assert.NotEqual(before.Link!.Index, after.Link!.Index);
        Assert.Equal([IPAddress.Parse("10.77.0.9")], after.UsableIPv4);
    }
}
