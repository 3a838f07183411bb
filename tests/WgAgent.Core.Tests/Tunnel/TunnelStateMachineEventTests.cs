using System.Net;
using WgAgent.Core.Tunnel;
using static WgAgent.Core.Tests.Tunnel.Messages;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class TunnelStateMachineEventTests
{
    private static MachineDriver Empty() => new MachineDriver().Synchronized([Lo], [(1, V4("127.0.0.1", 8))]);

    [Fact]
    public void Handle_LinkCreatedBroughtUpAddressed_GoesAbsentPresentUp()
    {
        // Arrange
        var driver = Empty();
        Assert.Equal(["Unknown→Absent"], driver.DrainPhases());

        // Act / Assert: created down, brought up without an address, then given one.
        driver.Feed(NewLink(Link(5, flags: LinkFlags.None)));
        Assert.Equal(["Absent→Present"], driver.DrainPhases());
        driver.Feed(NewLink(Link(5)));
        Assert.Equal(["Present→Present"], driver.DrainPhases());
        driver.Feed(NewAddr(5, V4()));
        Assert.Equal(["Present→Up"], driver.DrainPhases());
        Assert.Equal([IPAddress.Parse("10.0.0.2")], driver.State.UsableIPv4);
        Assert.Equal(5, driver.State.Link!.Index);
    }

    [Fact]
    public void Handle_Ipv6Tentative_PresentUntilDadCompletes()
    {
        // Arrange
        var driver = Empty().Feed(NewLink(Link(5)));
        driver.DrainPhases();

        // Act: the address arrives tentative, then the same address again without the flag.
        driver.Feed(NewAddr(5, V6(tentative: true)));
        var tentative = driver.State;
        driver.Feed(NewAddr(5, V6()));

        // Assert
        Assert.Equal(TunnelPhase.Present, tentative.Phase);
        Assert.Single(tentative.Addresses);
        Assert.Empty(tentative.UsableAddresses);
        Assert.Equal(TunnelPhase.Up, driver.State.Phase);
        Assert.Equal([IPAddress.Parse("fd00::2")], driver.State.UsableIPv6);
        var change = driver.Changes[^1];
        Assert.True(change.AddressesChanged);
        Assert.True(change.PhaseChanged);
    }

    [Theory]
    [InlineData(LinkFlags.Up, "10.0.0.2")]            // up but not running (no carrier)
    [InlineData(LinkFlags.Running, "10.0.0.2")]       // running but administratively down
    [InlineData(UpRunning, null)]                     // up, only a link-local address
    public void Handle_NotAllConditions_StaysPresent(LinkFlags flags, string? v4)
    {
        var driver = Empty().Feed(NewLink(Link(5, flags: flags)), NewAddr(5, LinkLocal()));
        if (v4 is not null)
        {
            driver.Feed(NewAddr(5, V4(v4)));
        }

        Assert.Equal(TunnelPhase.Present, driver.State.Phase);
    }

    [Fact]
    public void Handle_AddressReplaced_ReportsAddressChange()
    {
        // Arrange
        var driver = Empty().Feed(NewLink(Link(5)), NewAddr(5, V4("10.0.0.2")));
        driver.Changes.Clear();

        // Act: add the new address before removing the old one, as a careful operator does.
        driver.Feed(NewAddr(5, V4("10.0.0.3")), DelAddr(5, V4("10.0.0.2")));

        // Assert
        Assert.Equal(2, driver.Changes.Count);
        Assert.All(driver.Changes, c => Assert.True(c.AddressesChanged));
        Assert.All(driver.Changes, c => Assert.False(c.PhaseChanged));
        Assert.Equal([IPAddress.Parse("10.0.0.3")], driver.State.UsableIPv4);
    }

    [Fact]
    public void Handle_LinkDeletedAndRecreated_NewIndexAndOnlyNewAddresses()
    {
        // Arrange
        var driver = Empty().Feed(NewLink(Link(5)), NewAddr(5, V4("10.0.0.2")));
        driver.DrainPhases();

        // Act: the kernel removes the addresses, then the link; the new link gets a new index.
        driver.Feed(DelAddr(5, V4("10.0.0.2")), DelLink(Link(5)));
        var gone = driver.State;
        driver.Feed(NewLink(Link(8)), NewAddr(8, V4("10.0.0.9")));

        // Assert
        Assert.Equal(TunnelPhase.Absent, gone.Phase);
        Assert.Empty(gone.Addresses);
        Assert.Equal(["Up→Present", "Present→Absent", "Absent→Present", "Present→Up"], driver.DrainPhases());
        Assert.Equal(8, driver.State.Link!.Index);
        Assert.Equal([IPAddress.Parse("10.0.0.9")], driver.State.UsableIPv4);
    }

    [Fact]
    public void Handle_LinkDeletedWithoutAddressEvents_ForgetsItsAddresses()
    {
        var driver = Empty().Feed(NewLink(Link(5)), NewAddr(5, V4()), DelLink(Link(5)), NewLink(Link(5)));

        Assert.Empty(driver.State.Addresses);
        Assert.Equal(TunnelPhase.Present, driver.State.Phase);
    }

    [Fact]
    public void Handle_OtherInterfaces_NoChange()
    {
        // Arrange
        var driver = Empty().Feed(NewLink(Link(5)), NewAddr(5, V4()));
        driver.Changes.Clear();
        var before = driver.State;

        // Act: a similar name, its addresses, loopback churn, deletion of the other link.
        driver.Feed(
            NewLink(Link(6, "wg00")), NewAddr(6, V4("10.0.0.99")), NewAddr(6, V6("fd00::99")),
            NewLink(Link(7, "wg")), DelAddr(1, V4("127.0.0.1", 8)), NewLink(Lo), DelLink(Link(6, "wg00")));

        // Assert
        Assert.Empty(driver.Changes);
        Assert.Same(before, driver.State);
    }

    [Fact]
    public void Handle_OtherLinkRenamedToWatchedName_BringsItsAddresses()
    {
        // Arrange: wg0 absent; "staging" exists with an address.
        var driver = Empty().Feed(NewLink(Link(6, "staging")), NewAddr(6, V4("10.0.0.7")));
        driver.DrainPhases();

        // Act
        driver.Feed(NewLink(Link(6, "wg0")));
        var renamed = driver.State;
        driver.Feed(NewLink(Link(6, "other")));

        // Assert
        Assert.Equal(TunnelPhase.Up, renamed.Phase);
        Assert.Equal([IPAddress.Parse("10.0.0.7")], renamed.UsableIPv4);
        Assert.Equal(["Absent→Up", "Up→Absent"], driver.DrainPhases());
    }

    [Fact]
    public void Handle_UnchangedRepeat_NoChange()
    {
        var driver = Empty().Feed(NewLink(Link(5)), NewAddr(5, V4()));
        driver.Changes.Clear();

        driver.Feed(NewLink(Link(5)), NewAddr(5, V4()), NewLink(Link(5, kind: null)));

        Assert.Empty(driver.Changes);
        Assert.Equal("veth", driver.State.Link!.Kind);
    }

    [Fact]
    public void Current_BeforeSynchronize_IsUnknown()
    {
        var driver = new MachineDriver();

        driver.Feed(NewLink(Link(5)));

        Assert.Equal(TunnelPhase.Unknown, driver.State.Phase);
        Assert.Empty(driver.Changes);
    }
}
