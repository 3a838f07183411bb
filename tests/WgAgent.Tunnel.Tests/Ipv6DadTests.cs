using System.Diagnostics;
using System.Net;
using WgAgent.Core.Tunnel;
using WgAgent.Tunnel.Tests.Support;

namespace WgAgent.Tunnel.Tests;

public sealed class Ipv6DadTests
{
    private static readonly IPAddress Address = IPAddress.Parse("fd77::2");

    [Fact]
    public async Task RunAsync_Ipv6WithDad_TentativeThenUp()
    {
        // Arrange: DAD on (the kernel default): the address is tentative for about dad_transmits × retrans_time.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.SetDadAsync(true);
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await using var harness = WatcherHarness.Start(scratch);
        await harness.WaitAsync(s => s.IsPresent && s.Link!.IsUp);

        // Act
        await scratch.IpAsync("address", "add", "fd77::2/64", "dev", "wg0");
        var tentative = await harness.WaitAsync(s => s.Addresses.Any(a => a.Address.Equals(Address)));
        var ready = await harness.WaitAsync(s => s.UsableIPv6.Contains(Address), TimeSpan.FromSeconds(10));

        // Assert
        Assert.Equal(TunnelPhase.Present, tentative.Phase);
        Assert.True(tentative.Addresses.Single(a => a.Address.Equals(Address)).IsTentative);
        Assert.Equal(TunnelPhase.Up, ready.Phase);
    }

    [Fact]
    public async Task RunAsync_Ipv6WithDadDisabledBySysctl_UpWithoutWaitingForDad()
    {
        // Arrange: accept_dad = 0 in the namespace. The kernel still announces the address once as tentative and
        // clears the flag from a work queue right after, so the wait is short but not zero.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.SetDadAsync(false);
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await using var harness = WatcherHarness.Start(scratch);
        await harness.WaitAsync(s => s.IsPresent && s.Link!.IsUp);

        // Act
        var added = Stopwatch.GetTimestamp();
        await scratch.IpAsync("address", "add", "fd77::2/64", "dev", "wg0");
        var ready = await harness.WaitAsync(s => s.UsableIPv6.Contains(Address));

        // Assert: well before DAD could have finished (dad_transmits × retrans_time is 1 s by default).
        Assert.Equal(TunnelPhase.Up, ready.Phase);
        Assert.InRange(Stopwatch.GetElapsedTime(added), TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task RunAsync_Ipv6AddedWithNodad_FirstSeenUsable()
    {
        // Arrange: DAD on, but the address carries IFA_F_NODAD, so the kernel announces it only once, ready.
        await using var scratch = await Scratch.CreateAsync();
        await scratch.SetDadAsync(true);
        await scratch.AddVethAsync("wg0", "wg0-peer");
        await using var harness = WatcherHarness.Start(scratch);
        await harness.WaitAsync(s => s.IsPresent && s.Link!.IsUp);

        // Act
        await scratch.IpAsync("address", "add", "fd77::2/64", "dev", "wg0", "nodad");
        var first = await harness.WaitAsync(s => s.Addresses.Any(a => a.Address.Equals(Address)));

        // Assert: the very first state that has the address has it usable.
        Assert.Equal(TunnelPhase.Up, first.Phase);
        Assert.Equal(AddressFlags.Permanent | AddressFlags.NoDad, first.Addresses.Single(a => a.Address.Equals(Address)).Flags);
    }
}
