using WgAgent.Core.Net;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.WireGuard;

public sealed class WireGuardDumpParserTests
{
    private static readonly string Own = TestKeys.Key(0x10);

    private static string Dump(params string[] lines) => string.Join("\n", lines) + "\n";

    private static string Line(params string[] fields) => string.Join("\t", fields);

    [Fact]
    public void TryParse_RealisticDump_ReadsInterfaceAndEveryKindOfPeer()
    {
        // Arrange: a handshaking peer, one that never handshook, one on IPv6 with a preshared key.
        var text = Dump(
            Line(TestKeys.Private, Own, "51820", "0xca6c"),
            Line(TestKeys.PeerA, "(none)", "203.0.113.5:51820", "10.0.0.1/32", "1718000000", "123456", "654321", "25"),
            Line(TestKeys.PeerB, "(none)", "(none)", "10.0.0.3/32", "0", "0", "0", "off"),
            Line(TestKeys.PeerC, TestKeys.Psk, "[2001:db8::10]:51820", "10.0.0.0/24,fd00::/64", "1718000100", "18446744073709551615", "42", "off"));

        // Act
        var ok = WireGuardDumpParser.TryParse(text, out var dump, out var error);

        // Assert
        Assert.True(ok, error);
        Assert.True(dump!.HasPrivateKey);
        Assert.Equal(Own, dump.PublicKey!.ToString());
        Assert.Equal(51820, dump.ListenPort);
        Assert.Equal(0xca6cu, dump.FwMark);
        Assert.Null(dump.Interface);
        Assert.Equal(3, dump.Peers.Count);

        var handshaking = dump.Peers[0];
        Assert.Equal(TestKeys.PeerA, handshaking.PublicKey.ToString());
        Assert.False(handshaking.HasPresharedKey);
        Assert.Equal("203.0.113.5:51820", handshaking.Endpoint!.ToString());
        Assert.Equal(["10.0.0.1/32"], handshaking.AllowedIPs.Select(a => a.ToString()));
        Assert.Equal(1718000000L, handshaking.LatestHandshakeUnixSeconds);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1718000000), handshaking.LatestHandshake);
        Assert.Equal((123456ul, 654321ul), (handshaking.RxBytes, handshaking.TxBytes));
        Assert.Equal(25, handshaking.PersistentKeepalive);

        var silent = dump.Peers[1];
        Assert.Null(silent.Endpoint);
        Assert.Null(silent.LatestHandshakeUnixSeconds);
        Assert.Null(silent.LatestHandshake);
        Assert.Null(silent.PersistentKeepalive);
        Assert.Equal((0ul, 0ul), (silent.RxBytes, silent.TxBytes));

        var v6 = dump.Peers[2];
        Assert.True(v6.HasPresharedKey);
        Assert.Equal(EndpointHostKind.IPv6, v6.Endpoint!.HostKind);
        Assert.Equal("2001:db8::10", v6.Endpoint.Host);
        Assert.Equal(["10.0.0.0/24", "fd00::/64"], v6.AllowedIPs.Select(a => a.ToString()));
        Assert.Equal(ulong.MaxValue, v6.RxBytes);
    }

    [Fact]
    public void TryParse_InterfaceWithoutKeysPortOrMark_UsesNulls()
    {
        var ok = WireGuardDumpParser.TryParse(Dump(Line("(none)", "(none)", "0", "off")), out var dump, out var error);

        Assert.True(ok, error);
        Assert.False(dump!.HasPrivateKey);
        Assert.Null(dump.PublicKey);
        Assert.Null(dump.ListenPort);
        Assert.Equal(0u, dump.FwMark);
        Assert.Empty(dump.Peers);
    }

    [Fact]
    public void TryParse_PeerWithoutAllowedIPs_HasAnEmptyList()
    {
        var text = Dump(Line("(none)", "(none)", "0", "off"), Line(TestKeys.PeerA, "(none)", "(none)", "(none)", "0", "0", "0", "off"));

        Assert.True(WireGuardDumpParser.TryParse(text, out var dump, out _));
        Assert.Empty(dump!.Peers[0].AllowedIPs);
    }

    [Fact]
    public void TryParse_CrlfAndNoTrailingNewline_AreTolerated()
    {
        var text = Line(TestKeys.Private, Own, "51820", "off") + "\r\n" + Line(TestKeys.PeerA, "(none)", "(none)", "10.0.0.1/32", "0", "0", "0", "off");

        Assert.True(WireGuardDumpParser.TryParse(text, out var dump, out var error), error);
        Assert.Single(dump!.Peers);
    }

    [Fact]
    public void TryParse_SecretsAreNeverKeptOrPrinted()
    {
        var text = Dump(
            Line(TestKeys.Private, Own, "51820", "off"),
            Line(TestKeys.PeerA, TestKeys.Psk, "(none)", "10.0.0.1/32", "0", "0", "0", "off"));

        Assert.True(WireGuardDumpParser.TryParse(text, out var dump, out _));
        var printed = dump!.ToString() + string.Join("", dump.Peers.Select(p => p.ToString()));
        Assert.DoesNotContain(TestKeys.Private, printed);
        Assert.DoesNotContain(TestKeys.Psk, printed);
        Assert.Contains(TestKeys.PeerA, printed);
    }

    [Theory]
    [MemberData(nameof(BadDumps))]
    public void TryParse_BadLine_NamesLineAndField(string text, string expected)
    {
        var ok = WireGuardDumpParser.TryParse(text, out var dump, out var error);

        Assert.False(ok);
        Assert.Null(dump);
        Assert.Equal(expected, error);
        Assert.DoesNotContain(TestKeys.Private, error);
        Assert.DoesNotContain(TestKeys.Psk, error);
    }

    public static TheoryData<string, string> BadDumps()
    {
        var iface = Line(TestKeys.Private, Own, "51820", "off");
        string Peer(int field, string value)
        {
            string[] fields = [TestKeys.PeerA, TestKeys.Psk, "(none)", "10.0.0.1/32", "0", "0", "0", "off"];
            fields[field - 1] = value;
            return Line(fields);
        }
        return new TheoryData<string, string>
        {
            { "", "the output is empty; expected an interface line" },
            { "\n\n", "the output is empty; expected an interface line" },
            { Dump(Line(TestKeys.Private, Own, "51820")), "line 1 has 3 tab-separated fields, an interface line has 4" },
            { Dump(Line(TestKeys.Private, Own, "70000", "off")), "line 1, field 3 (listen-port): \"70000\" is not a port (0-65535)" },
            { Dump(Line(TestKeys.Private, Own, "-1", "off")), "line 1, field 3 (listen-port): \"-1\" is not a port (0-65535)" },
            { Dump(Line(TestKeys.Private, "abc", "1", "off")), "line 1, field 2 (public-key): \"abc\" is not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 3 characters" },
            { Dump(Line(TestKeys.Private, Own, "1", "bogus")), "line 1, field 4 (fwmark): \"bogus\" is not a firewall mark: use \"off\", a decimal number or 0x and hex digits, up to 0xffffffff" },
            { Dump(iface, Line(TestKeys.PeerA, TestKeys.Psk, "(none)", "10.0.0.1/32", "0", "0", "0")), "line 2 has 7 tab-separated fields, a peer line has 8" },
            { Dump(iface, Peer(1, "(none)")), "line 2, field 1 (public-key): \"(none)\" is not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 6 characters" },
            { Dump(iface, Peer(3, "1.2.3.4")), "line 2, field 3 (endpoint): \"1.2.3.4\" is not an endpoint: the \":port\" is missing (e.g. \"1.2.3.4:51820\")" },
            { Dump(iface, Peer(4, "10.0.0.1")), "line 2, field 4 (allowed-ips): \"10.0.0.1\" is not a CIDR: the prefix length is missing (e.g. \"10.0.0.1/32\" for one host)" },
            { Dump(iface, Peer(4, "10.0.0.1/32,")), "line 2, field 4 (allowed-ips): \"\" is not a CIDR: it is empty" },
            { Dump(iface, Peer(5, "-1")), "line 2, field 5 (latest-handshake): \"-1\" is not a number of seconds" },
            { Dump(iface, Peer(5, "9223372036854775808")), "line 2, field 5 (latest-handshake): \"9223372036854775808\" is not a number of seconds" },
            { Dump(iface, Peer(6, "1e3")), "line 2, field 6 (transfer-rx): \"1e3\" is not a byte count" },
            { Dump(iface, Peer(7, "18446744073709551616")), "line 2, field 7 (transfer-tx): \"18446744073709551616\" is not a byte count" },
            { Dump(iface, Peer(8, "0")), "line 2, field 8 (persistent-keepalive): \"0\" is neither \"off\" nor 1-65535 seconds" },
            { Dump(iface, Peer(8, "65536")), "line 2, field 8 (persistent-keepalive): \"65536\" is neither \"off\" nor 1-65535 seconds" },
        };
    }

    [Fact]
    public void TryParseAll_SeveralInterfaces_SplitsByName()
    {
        var text = Dump(
            Line("wg0", TestKeys.Private, Own, "51820", "0xca6c"),
            Line("wg0", TestKeys.PeerA, "(none)", "203.0.113.5:51820", "10.0.0.1/32", "1718000000", "1", "2", "off"),
            Line("wg0", TestKeys.PeerB, "(none)", "(none)", "10.0.0.3/32", "0", "0", "0", "off"),
            Line("wg-lab", "(none)", "(none)", "0", "off"));

        var ok = WireGuardDumpParser.TryParseAll(text, out var dumps, out var error);

        Assert.True(ok, error);
        Assert.NotNull(dumps);
        Assert.Equal(["wg0", "wg-lab"], dumps.Select(d => d.Interface!.Value));
        Assert.Equal(2, dumps[0].Peers.Count);
        Assert.Equal(0xca6cu, dumps[0].FwMark);
        Assert.Empty(dumps[1].Peers);
    }

    [Fact]
    public void TryParseAll_NoInterfaces_IsAnEmptyList()
    {
        Assert.True(WireGuardDumpParser.TryParseAll("", out var dumps, out _));
        Assert.Empty(dumps!);
    }

    [Theory]
    [InlineData("wg/0\t(none)\t(none)\t0\toff\n", "line 1, field 1 (interface): \"wg/0\" is not an interface name: \"/\" is not allowed (use letters, digits and _=+.-)")]
    [InlineData("wg0\t(none)\t(none)\t0\n", "line 1 has 4 tab-separated fields, an interface line has 5")]
    [InlineData("wg0\t(none)\t(none)\t0\toff\nwg0\tx\t(none)\n", "line 2 has 3 tab-separated fields, a peer line has 9")]
    [InlineData("wg0\t(none)\t(none)\t0\toff\nwg0\tAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\t(none)\t(none)\t(none)\t0\t0\t0\t0\n",
        "line 2, field 9 (persistent-keepalive): \"0\" is neither \"off\" nor 1-65535 seconds")]
    public void TryParseAll_BadLine_NamesLineAndField(string text, string expected)
    {
        Assert.False(WireGuardDumpParser.TryParseAll(text, out var dumps, out var error));
        Assert.Null(dumps);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_AllDumpGivenToSingleParser_FailsOnFieldCount()
    {
        var text = Dump(Line("wg0", "(none)", "(none)", "0", "off"));

        Assert.False(WireGuardDumpParser.TryParse(text, out _, out var error));
        Assert.Equal("line 1 has 5 tab-separated fields, an interface line has 4", error);
    }
}
