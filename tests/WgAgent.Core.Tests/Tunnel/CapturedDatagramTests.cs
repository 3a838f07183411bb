using System.Net;
using WgAgent.Core.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class CapturedDatagramTests
{
    [Fact]
    public void Parse_CapturedLinkUp_ReadsNameIndexFlagsAndKind()
    {
        var link = Assert.IsType<LinkUpdated>(Assert.Single(RouteNetlinkParser.Parse(CapturedDatagrams.LinkUpWg0))).Link;

        Assert.Equal((3, "wg0", "veth"), (link.Index, link.Name, link.Kind));
        Assert.Equal(LinkFlags.Up | LinkFlags.Running | LinkFlags.LowerUp | (LinkFlags)0x1002, link.Flags); // + BROADCAST, MULTICAST
        Assert.True(link.IsUp);
    }

    [Fact]
    public void Parse_CapturedIpv4Address_ReadsAddressPrefixAndPermanentFlag()
    {
        var update = Assert.IsType<AddressUpdated>(Assert.Single(RouteNetlinkParser.Parse(CapturedDatagrams.AddressV4)));

        Assert.Equal(3, update.InterfaceIndex);
        Assert.Equal(new InterfaceAddress(IPAddress.Parse("10.77.0.2"), 24, AddressFlags.Permanent, AddressScope.Universe), update.Address);
        Assert.NotEqual(0u, update.Header.Sequence); // a notification carries the sequence number of ip's request
        Assert.False(update.Header.IsMultipart);
    }

    [Fact]
    public void Parse_CapturedIpv6BeforeAndAfterDad_TentativeThenUsable()
    {
        var before = Assert.IsType<AddressUpdated>(Assert.Single(RouteNetlinkParser.Parse(CapturedDatagrams.AddressV6Tentative))).Address;
        var after = Assert.IsType<AddressUpdated>(Assert.Single(RouteNetlinkParser.Parse(CapturedDatagrams.AddressV6Ready))).Address;

        Assert.Equal(IPAddress.Parse("fd77::2"), before.Address);
        Assert.Equal(AddressFlags.Permanent | AddressFlags.Tentative, before.Flags);
        Assert.False(before.IsUsable);
        Assert.Equal(AddressFlags.Permanent, after.Flags);
        Assert.True(after.IsUsable);
    }

    [Fact]
    public void Handle_CapturedSequence_GoesPresentUpAndAbsent()
    {
        // Arrange: a machine synchronised to a namespace that had no wg0 yet.
        var driver = new MachineDriver().Synchronized([Messages.Link(1, "lo", LinkFlags.Up | LinkFlags.Running, null)], []);
        driver.DrainPhases();

        // Act: the captured messages (the IPv6 address before the IPv4 one, so its tentative state shows alone).
        byte[][] datagrams = [CapturedDatagrams.LinkUpWg0, CapturedDatagrams.AddressV6Tentative, CapturedDatagrams.AddressV4,
            CapturedDatagrams.AddressV6Ready, CapturedDatagrams.LinkDeletedWg0];
        var states = new List<TunnelState>();
        foreach (var datagram in datagrams)
        {
            driver.Feed([.. RouteNetlinkParser.Parse(datagram)]);
            states.Add(driver.State);
        }

        // Assert
        Assert.Equal([TunnelPhase.Present, TunnelPhase.Present, TunnelPhase.Up, TunnelPhase.Up, TunnelPhase.Absent],
            states.Select(s => s.Phase));
        Assert.Equal(["10.77.0.2/24", "fd77::2/64"], states[3].UsableAddresses.Select(a => a.ToString()));
        Assert.Equal(InterfaceName.Parse("wg0"), states[4].Interface);
    }
}
