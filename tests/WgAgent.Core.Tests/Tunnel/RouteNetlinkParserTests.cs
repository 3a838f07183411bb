using System.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class RouteNetlinkParserTests
{
    private const uint UpRunning = 0x1 | 0x40 | 0x10000;

    [Fact]
    public void Parse_NewLinkWithKind_ReturnsLinkUpdated()
    {
        // Arrange
        var datagram = new NetlinkDatagram().Link(NetlinkDatagram.NewLink, 7, UpRunning | 0x10, "wg0", "wireguard").ToArray();

        // Act
        var events = RouteNetlinkParser.Parse(datagram);

        // Assert
        var update = Assert.IsType<LinkUpdated>(Assert.Single(events));
        Assert.Equal(new NetworkLink(7, "wg0", LinkFlags.Up | LinkFlags.Running | LinkFlags.LowerUp | LinkFlags.PointToPoint, "wireguard"), update.Link);
        Assert.True(update.Link.IsUp);
        Assert.False(update.Header.IsMultipart);
        Assert.Equal(4242u, update.Header.PortId);
    }

    [Fact]
    public void Parse_LinkWithoutLinkInfo_KindIsNull()
    {
        var datagram = new NetlinkDatagram().Link(NetlinkDatagram.NewLink, 3, 0x1, "tun0").ToArray();

        var link = Assert.IsType<LinkUpdated>(Assert.Single(RouteNetlinkParser.Parse(datagram))).Link;

        Assert.Null(link.Kind);
        Assert.True(link.IsAdministrativelyUp);
        Assert.False(link.IsUp);
    }

    [Fact]
    public void Parse_DelLink_ReturnsLinkDeleted()
    {
        var datagram = new NetlinkDatagram().Link(NetlinkDatagram.DelLink, 9, 0, "wg0", "tun").ToArray();

        var deleted = Assert.IsType<LinkDeleted>(Assert.Single(RouteNetlinkParser.Parse(datagram)));

        Assert.Equal((9, "wg0", "tun"), (deleted.Link.Index, deleted.Link.Name, deleted.Link.Kind));
    }

    [Fact]
    public void Parse_LinkWithoutName_ReturnsMalformed()
    {
        var datagram = new NetlinkDatagram().Link(NetlinkDatagram.NewLink, 5, 0, null).ToArray();

        var malformed = Assert.IsType<MalformedMessage>(Assert.Single(RouteNetlinkParser.Parse(datagram)));

        Assert.Contains("no IFLA_IFNAME", malformed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Ipv4AddressWithPeer_TakesLocalNotPeer()
    {
        var datagram = new NetlinkDatagram()
            .Address(NetlinkDatagram.NewAddr, 7, "10.0.0.2", 32, peer: "10.0.0.1").ToArray();

        var update = Assert.IsType<AddressUpdated>(Assert.Single(RouteNetlinkParser.Parse(datagram)));

        Assert.Equal(7, update.InterfaceIndex);
        Assert.Equal(IPAddress.Parse("10.0.0.2"), update.Address.Address);
        Assert.Equal(32, update.Address.PrefixLength);
        Assert.True(update.Address.IsIPv4);
        Assert.True(update.Address.IsUsable);
    }

    [Fact]
    public void Parse_Ipv6WithFlagsAttribute_AttributeSupersedesByteFlags()
    {
        // Arrange: ifa_flags says permanent only; IFA_FLAGS adds tentative and a bit above the low 8.
        var datagram = new NetlinkDatagram()
            .Address(NetlinkDatagram.NewAddr, 7, "fd00::2", 64, ifaFlags: 0x80, flagsAttribute: 0x80 | 0x40 | 0x200).ToArray();

        // Act
        var address = Assert.IsType<AddressUpdated>(Assert.Single(RouteNetlinkParser.Parse(datagram))).Address;

        // Assert
        Assert.Equal(AddressFlags.Permanent | AddressFlags.Tentative | AddressFlags.NoPrefixRoute, address.Flags);
        Assert.Equal(IPAddress.Parse("fd00::2"), address.Address);
        Assert.True(address.IsTentative);
        Assert.False(address.IsUsable);
        Assert.Equal("fd00::2/64 tentative", address.ToString());
    }

    [Fact]
    public void Parse_DelAddr_ReturnsAddressDeleted()
    {
        var datagram = new NetlinkDatagram().Address(NetlinkDatagram.DelAddr, 4, "192.0.2.1", 24).ToArray();

        var deleted = Assert.IsType<AddressDeleted>(Assert.Single(RouteNetlinkParser.Parse(datagram)));

        Assert.Equal("192.0.2.1/24", deleted.Address.ToString());
    }

    [Fact]
    public void Parse_AttributeLongerThanMessage_ReturnsMalformed()
    {
        // Arrange: ifinfomsg, then an attribute that claims 64 bytes of the 8 there are.
        var body = new byte[16 + 8];
        body[16] = 64;
        body[18] = 3;
        var datagram = new NetlinkDatagram().Raw(NetlinkDatagram.NewLink, 0, 0, body).ToArray();

        // Act / Assert
        Assert.Contains("broken attribute", Assert.IsType<MalformedMessage>(Assert.Single(RouteNetlinkParser.Parse(datagram))).Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShortIfAddrMsg_ReturnsMalformed()
    {
        var datagram = new NetlinkDatagram().Raw(NetlinkDatagram.NewAddr, 0, 0, [2, 24, 0, 0]).ToArray();

        Assert.IsType<MalformedMessage>(Assert.Single(RouteNetlinkParser.Parse(datagram)));
    }

    [Fact]
    public void Parse_AddressOfWrongLength_ReturnsMalformed()
    {
        // Arrange: AF_INET6 with a 4-byte IFA_ADDRESS.
        byte[] body = [10, 64, 0, 0, 7, 0, 0, 0, 8, 0, 1, 0, 10, 0, 0, 2];
        var datagram = new NetlinkDatagram().Raw(NetlinkDatagram.NewAddr, 0, 0, body).ToArray();

        // Act / Assert
        Assert.Contains("expected 16", Assert.IsType<MalformedMessage>(Assert.Single(RouteNetlinkParser.Parse(datagram))).Reason,
            StringComparison.Ordinal);
    }
}
