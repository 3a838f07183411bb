using WgAgent.Core.Firewall;

namespace WgAgent.Core.Tests.Firewall;

public sealed class NftablesEventParserTests
{
    public static TheoryData<byte, NftablesEventKind> Operations => new()
    {
        { NftablesDatagram.NewTable, NftablesEventKind.NewTable },
        { NftablesDatagram.DelTable, NftablesEventKind.DeleteTable },
        { NftablesDatagram.NewChain, NftablesEventKind.NewChain },
        { NftablesDatagram.DelChain, NftablesEventKind.DeleteChain },
        { NftablesDatagram.NewRule, NftablesEventKind.NewRule },
        { NftablesDatagram.DelRule, NftablesEventKind.DeleteRule },
        { NftablesDatagram.NewSet, NftablesEventKind.NewSet },
        { NftablesDatagram.DelSet, NftablesEventKind.DeleteSet },
        { NftablesDatagram.NewSetElem, NftablesEventKind.NewSetElement },
        { NftablesDatagram.DelSetElem, NftablesEventKind.DeleteSetElement },
        { NftablesDatagram.NewObj, NftablesEventKind.NewObject },
        { NftablesDatagram.DelObj, NftablesEventKind.DeleteObject },
        { NftablesDatagram.NewFlowtable, NftablesEventKind.NewFlowtable },
        { NftablesDatagram.DelFlowtable, NftablesEventKind.DeleteFlowtable },
        { NftablesDatagram.DestroyTable, NftablesEventKind.DeleteTable },
        { 27, NftablesEventKind.DeleteChain },
        { 28, NftablesEventKind.DeleteRule },
        { 29, NftablesEventKind.DeleteSet },
        { 30, NftablesEventKind.DeleteSetElement },
        { 31, NftablesEventKind.DeleteObject },
        { NftablesDatagram.DestroyFlowtable, NftablesEventKind.DeleteFlowtable },
        { 40, NftablesEventKind.Other },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Parse_TableScopedMessage_ReturnsKindFamilyAndTable(byte operation, NftablesEventKind kind)
    {
        var datagram = new NftablesDatagram().Object(operation, NftablesDatagram.Inet, "wgagent").ToArray();

        var parsed = Assert.Single(NftablesEventParser.Parse(datagram));

        Assert.Equal(new NftablesEvent(kind, NftablesFamily.Inet, "wgagent") { MessageType = operation }, parsed);
    }

    [Fact]
    public void Parse_TableNameAfterOtherAttribute_IsFound()
    {
        var datagram = new NftablesDatagram()
            .Object(NftablesDatagram.NewRule, NftablesDatagram.Ip6, "filter", leadingAttribute: true).ToArray();

        var parsed = Assert.Single(NftablesEventParser.Parse(datagram));

        Assert.Equal((NftablesEventKind.NewRule, (byte)10, "filter"), (parsed.Kind, parsed.Family, parsed.Table));
    }

    [Fact]
    public void Parse_NoTableAttribute_ReturnsNullTable()
    {
        var datagram = new NftablesDatagram().Object(NftablesDatagram.NewChain, NftablesDatagram.Inet, null).ToArray();

        Assert.Null(Assert.Single(NftablesEventParser.Parse(datagram)).Table);
    }

    [Fact]
    public void Parse_NewGeneration_ReadsBigEndianIdPidAndName()
    {
        var datagram = new NftablesDatagram().Generation(0x01020304, 98765, "nft").ToArray();

        var parsed = Assert.Single(NftablesEventParser.Parse(datagram));

        Assert.Equal(NftablesEventKind.NewGeneration, parsed.Kind);
        Assert.Equal((0x01020304u, 98765u, "nft"), (parsed.Generation, parsed.ProcessId, parsed.ProcessName));
        Assert.Null(parsed.Table);
    }

    [Fact]
    public void Parse_NewGenerationWithoutProcess_LeavesThemNull()
    {
        var datagram = new NftablesDatagram().Generation(9, pid: null, name: null).ToArray();

        var parsed = Assert.Single(NftablesEventParser.Parse(datagram));

        Assert.Equal((9u, (uint?)null, (string?)null), (parsed.Generation, parsed.ProcessId, parsed.ProcessName));
    }

    [Fact]
    public void Parse_TransactionInOneDatagram_ReturnsAllInOrder()
    {
        // Arrange: what `nft flush ruleset` sends for one table: rule, chain, table, then the generation.
        var datagram = new NftablesDatagram()
            .Object(NftablesDatagram.DelRule, NftablesDatagram.Inet, "wgagent")
            .Object(NftablesDatagram.DelChain, NftablesDatagram.Inet, "wgagent")
            .Object(NftablesDatagram.DelTable, NftablesDatagram.Inet, "wgagent")
            .Generation(3)
            .ToArray();

        // Act
        var events = NftablesEventParser.Parse(datagram);

        // Assert
        Assert.Equal(
            [NftablesEventKind.DeleteRule, NftablesEventKind.DeleteChain, NftablesEventKind.DeleteTable, NftablesEventKind.NewGeneration],
            events.Select(e => e.Kind));
    }

    [Theory]
    [InlineData(10 << 8 | NftablesDatagram.GetTable)] // a GET request type: never a change
    [InlineData(10 << 8 | NftablesDatagram.Trace)]    // NFT_MSG_TRACE (another group)
    [InlineData(10 << 8 | 25)]                        // NFT_MSG_GETRULE_RESET: no transaction
    [InlineData(1 << 8 | 0)]                          // ctnetlink (subsystem 1)
    [InlineData(1)]                                   // NLMSG_NOOP
    [InlineData(3)]                                   // NLMSG_DONE
    public void Parse_NotAnNftablesChange_IsSkipped(int type)
    {
        var datagram = new NftablesDatagram()
            .Raw((ushort)type, [1, 0, 0, 0, .. NftablesDatagram.Attribute(1, "wgagent\0"u8.ToArray())])
            .Object(NftablesDatagram.NewTable, NftablesDatagram.Inet, "wgagent")
            .ToArray();

        Assert.Equal(NftablesEventKind.NewTable, Assert.Single(NftablesEventParser.Parse(datagram)).Kind);
    }

    [Fact]
    public void Parse_LengthPastDatagram_ReturnsMalformedAndStops()
    {
        var datagram = new NftablesDatagram()
            .Object(NftablesDatagram.NewTable, NftablesDatagram.Inet, "wgagent")
            .Bytes([200, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
            .ToArray();

        var events = NftablesEventParser.Parse(datagram);

        Assert.Equal(2, events.Count);
        Assert.Equal(NftablesEventKind.NewTable, events[0].Kind);
        Assert.Equal(NftablesEventKind.Malformed, events[1].Kind);
        Assert.Contains("does not fit", events[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BodyShorterThanNfgenmsg_ReturnsMalformedAndStops()
    {
        var datagram = new NftablesDatagram()
            .Raw(10 << 8 | NftablesDatagram.NewRule, [1, 0])
            .Object(NftablesDatagram.NewTable, NftablesDatagram.Inet, "wgagent")
            .ToArray();

        var parsed = Assert.Single(NftablesEventParser.Parse(datagram));

        Assert.Equal(NftablesEventKind.Malformed, parsed.Kind);
        Assert.Contains("nfgenmsg", parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AttributeRunsPastMessage_ReturnsMalformed()
    {
        // An attribute header claiming 64 bytes in a message that has 8 left.
        var datagram = new NftablesDatagram()
            .Raw(10 << 8 | NftablesDatagram.NewChain, [1, 0, 0, 0, 64, 0, 1, 0, (byte)'w', (byte)'g', 0, 0])
            .ToArray();

        var parsed = Assert.Single(NftablesEventParser.Parse(datagram));

        Assert.Equal(NftablesEventKind.Malformed, parsed.Kind);
    }

    [Fact]
    public void Parse_TrailingBytesShorterThanHeader_ReturnsMalformed()
    {
        var datagram = new NftablesDatagram().Generation(1).Bytes(1, 2, 3, 4).ToArray();

        var events = NftablesEventParser.Parse(datagram);

        Assert.Equal([NftablesEventKind.NewGeneration, NftablesEventKind.Malformed], events.Select(e => e.Kind));
    }

    [Fact]
    public void Parse_NameWithoutNulOrInvalidUtf8_DoesNotThrow()
    {
        var datagram = new NftablesDatagram()
            .Raw(10 << 8 | NftablesDatagram.NewTable, [1, 0, 0, 0, .. NftablesDatagram.Attribute(1, [(byte)'w', 0xff, 0xfe, (byte)'g'])])
            .ToArray();

        var parsed = Assert.Single(NftablesEventParser.Parse(datagram));

        Assert.Equal(NftablesEventKind.NewTable, parsed.Kind);
        Assert.NotEqual("wgagent", parsed.Table);
    }

    [Fact]
    public void Parse_EmptyDatagram_ReturnsNothing() => Assert.Empty(NftablesEventParser.Parse([]));
}
