using System.Net;
using WgAgent.Core.Exporters;

namespace WgAgent.Core.Tests.Exporters;

public sealed class ProcNetTcpTests
{
    [Fact]
    public void ParseListening_CapturedIpv4Table_ListenersOnlyInFileOrder()
    {
        var sockets = ProcNetTcp.ParseListening(ProcNetTcpSamples.Tcp, littleEndian: true);

        Assert.Equal(["127.0.0.1:8080", "10.77.0.2:9100", "0.0.0.0:22"], sockets.Select(s => s.ToString()));
    }

    [Fact]
    public void ParseListening_CapturedIpv6Table_WordsDecodedPerLittleEndianWord()
    {
        var sockets = ProcNetTcp.ParseListening(ProcNetTcpSamples.Tcp6, littleEndian: true);

        Assert.Equal(["[fd77::2]:9100", "[2001:db8:0:1::10]:443", "[::]:9586", "[::ffff:10.77.0.2]:9200"], sockets.Select(s => s.ToString()));
    }

    [Fact]
    public void ParseListening_BigEndianCpu_SameAddresses()
    {
        var sockets = ProcNetTcp.ParseListening(ProcNetTcpSamples.BigEndian, littleEndian: false);

        Assert.Equal([new ListeningSocket(IPAddress.Parse("10.77.0.2"), 9100), new ListeningSocket(IPAddress.Parse("fd77::2"), 9100)], sockets);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  sl  local_address rem_address   st tx_queue\n")]
    public void ParseListening_NoSockets_Empty(string text)
    {
        Assert.Empty(ProcNetTcp.ParseListening(text, littleEndian: true));
    }

    [Theory]
    [InlineData("   0: 0100007F 00000000:0000 0A\n", "line 1")]
    [InlineData("   0: 0100007:1F90 00000000:0000 0A\n", "not a local address")]
    [InlineData("   0: 0100007G:1F90 00000000:0000 0A\n", "non-hex")]
    [InlineData("   0: 0100007F:XYZ 00000000:0000 0A\n", "not a local address")]
    [InlineData("garbage\n", "expected")]
    public void ParseListening_MalformedListenLine_FormatExceptionNamingIt(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ProcNetTcp.ParseListening(text, littleEndian: true));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddressesOn_PortWithMappedAndPlainListeners_EffectiveAddressesOnce()
    {
        var sockets = ProcNetTcp.ParseListening(ProcNetTcpSamples.Tcp, true).Concat(ProcNetTcp.ParseListening(ProcNetTcpSamples.Tcp6, true)).ToList();

        Assert.Equal([IPAddress.Parse("10.77.0.2"), IPAddress.Parse("fd77::2")], ProcNetTcp.AddressesOn(sockets, 9100));
        Assert.Equal([IPAddress.Parse("10.77.0.2")], ProcNetTcp.AddressesOn(sockets, 9200));
        Assert.Equal([IPAddress.IPv6Any], ProcNetTcp.AddressesOn(sockets, 9586));
        Assert.Empty(ProcNetTcp.AddressesOn(sockets, 1));
    }
}
