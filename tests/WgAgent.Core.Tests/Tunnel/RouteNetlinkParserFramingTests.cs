using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Tests.Tunnel;

public sealed class RouteNetlinkParserFramingTests
{
    private const uint UpRunning = 0x1 | 0x40 | 0x10000;

    [Fact]
    public void Parse_DumpPartsAndDone_ReturnsAllInOrderWithSequence()
    {
        // Arrange: what one recv of a link dump can hold: several parts, then NLMSG_DONE.
        var datagram = new NetlinkDatagram()
            .Link(NetlinkDatagram.NewLink, 1, 0x49, "lo", flags: NetlinkDatagram.Multi, seq: 5)
            .Link(NetlinkDatagram.NewLink, 2, UpRunning, "wg0", "veth", flags: NetlinkDatagram.Multi, seq: 5)
            .Done(5)
            .ToArray();

        // Act
        var events = RouteNetlinkParser.Parse(datagram);

        // Assert
        Assert.Collection(events,
            e => Assert.Equal("lo", Assert.IsType<LinkUpdated>(e).Link.Name),
            e => Assert.Equal("wg0", Assert.IsType<LinkUpdated>(e).Link.Name),
            e => Assert.Equal(0, Assert.IsType<DumpDone>(e).Errno));
        Assert.All(events, e => Assert.Equal(5u, e.Header.Sequence));
        Assert.All(events, e => Assert.True(e.Header.IsMultipart));
    }

    [Fact]
    public void Parse_DumpInterruptedFlag_IsExposed()
    {
        var datagram = new NetlinkDatagram()
            .Link(NetlinkDatagram.NewLink, 1, 0, "lo", flags: NetlinkDatagram.Multi | NetlinkDatagram.DumpIntr, seq: 1).ToArray();

        Assert.True(Assert.Single(RouteNetlinkParser.Parse(datagram)).Header.DumpInterrupted);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-16, 16)]
    public void Parse_ErrorMessage_ReturnsPositiveErrno(int wire, int errno)
    {
        var datagram = new NetlinkDatagram().Error(3, wire).ToArray();

        var reply = Assert.IsType<NetlinkErrorReply>(Assert.Single(RouteNetlinkParser.Parse(datagram)));

        Assert.Equal((3u, errno), (reply.Header.Sequence, reply.Errno));
    }

    [Fact]
    public void Parse_DoneWithErrorCode_ReturnsErrno()
    {
        var datagram = new NetlinkDatagram().Done(2, -4).ToArray();

        Assert.Equal(4, Assert.IsType<DumpDone>(Assert.Single(RouteNetlinkParser.Parse(datagram))).Errno);
    }

    [Fact]
    public void Parse_LengthPastDatagram_ReturnsMalformedAndStops()
    {
        // Arrange: a good message, then a header claiming 200 bytes in a datagram that has 20 left.
        var datagram = new NetlinkDatagram()
            .Link(NetlinkDatagram.NewLink, 1, 0, "lo")
            .Bytes([200, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4])
            .ToArray();

        // Act
        var events = RouteNetlinkParser.Parse(datagram);

        // Assert
        Assert.IsType<LinkUpdated>(events[0]);
        Assert.Contains("does not fit", Assert.IsType<MalformedMessage>(events[1]).Reason, StringComparison.Ordinal);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Parse_TrailingBytesShorterThanHeader_ReturnsMalformed()
    {
        var datagram = new NetlinkDatagram().Done(1).Bytes(1, 2, 3, 4).ToArray();

        var events = RouteNetlinkParser.Parse(datagram);

        Assert.IsType<DumpDone>(events[0]);
        Assert.IsType<MalformedMessage>(events[1]);
    }

    [Fact]
    public void Parse_NoopUnknownTypeAndOtherFamily_AreSkipped()
    {
        // Arrange: NLMSG_NOOP, RTM_NEWROUTE (24), an AF_BRIDGE (7) address, then a real link.
        var datagram = new NetlinkDatagram()
            .Raw(1, 0, 0, [])
            .Raw(24, 0, 0, new byte[12])
            .Raw(NetlinkDatagram.NewAddr, 0, 0, [7, 0, 0, 0, 1, 0, 0, 0])
            .Link(NetlinkDatagram.NewLink, 1, 0, "lo")
            .ToArray();

        // Act / Assert
        Assert.IsType<LinkUpdated>(Assert.Single(RouteNetlinkParser.Parse(datagram)));
    }

    [Fact]
    public void Parse_EmptyDatagram_ReturnsNothing() => Assert.Empty(RouteNetlinkParser.Parse([]));
}
