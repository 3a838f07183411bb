using WgAgent.Core.WireGuard;
using static WgAgent.Core.Tests.WireGuard.ConfigText;

namespace WgAgent.Core.Tests.WireGuard;

/// <summary>Sections, keys and what must be present: the common structural mistakes.</summary>
public sealed class WireGuardConfigReaderStructureTests
{
    [Fact]
    public void Read_LineWithoutEquals_ReportsItAndTheMissingAddress()
    {
        // Seed 002's "fail open" example: wg-quick runs "ip -4 address add Address dev wg0" and fails.
        var result = Read(
            "[Interface]",
            $"PrivateKey = {TestKeys.Private}",
            "Address  # This malformed configuration leads to an error",
            "DNS = 10.64.0.1",
            "",
            "[Peer]",
            "PublicKey = a6oniBujlUXqOmv5Hst0v8xCqidy7O4JcN8Q6YRM5Hk=",
            "AllowedIPs = 0.0.0.0/0",
            "Endpoint = 89.44.10.178:51820");

        Assert.Null(result.Config);
        Assert.Equal(
            [
                "wg0.conf:1:1: error: Interface.Address: missing; wgagent needs the tunnel's own address",
                "wg0.conf:3:1: error: expected \"Key = Value\", found \"Address\"",
            ],
            Rendered(result));
        Assert.Equal("add the host's WireGuard address with its prefix, e.g. \"Address = 10.0.0.2/24\"", result.Diagnostics[0].Hint);
    }

    [Fact]
    public void Read_SingleValuedKeyTwice_IsAnErrorAtTheSecond()
    {
        var result = Read([.. Interface, "ListenPort = 51820", "  listenport = 51821"]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf:5:3: error: Interface.ListenPort: set twice in one section; first on line 4", diagnostic.ToString());
        Assert.Equal("keep one; wg(8) and wg-quick(8) would silently use the last", diagnostic.Hint);
    }

    [Theory]
    [InlineData("PublicKey")]
    [InlineData("Endpoint")]
    [InlineData("PersistentKeepalive")]
    [InlineData("PresharedKey")]
    public void Read_PeerKeyTwice_IsAnError(string key)
    {
        var values = new Dictionary<string, string>
        {
            ["PublicKey"] = TestKeys.PeerA, ["Endpoint"] = "1.2.3.4:5", ["PersistentKeepalive"] = "25", ["PresharedKey"] = TestKeys.Psk,
        };
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32",
            $"{key} = {values[key]}", $"{key} = {values[key]}"]);

        Assert.Null(result.Config);
        Assert.Contains($"wg0.conf:8:1: error: Peer[1].{key}: set twice in one section; first on line", Rendered(result).Last());
    }

    [Fact]
    public void Read_RepeatableKeys_MayAppearSeveralTimes()
    {
        var result = Read("[Interface]", $"PrivateKey = {TestKeys.Private}", "Address = 10.0.0.2/24", "Address = fd00::2/64",
            "DNS = 10.0.0.1", "DNS = lan", "PostUp = a", "PostUp = b", "PreDown = c");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Config.Interface.Addresses.Count);
        Assert.Equal(3, result.Config.IgnoredEntries.Count);
    }

    [Fact]
    public void Read_KeyBeforeAnySection_IsAnError()
    {
        var result = Read(["Address = 10.0.0.2/24", .. Interface]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf:1:1: error: Address: this key is outside a section", diagnostic.ToString());
        Assert.Equal("put it under [Interface] or [Peer]", diagnostic.Hint);
    }

    [Fact]
    public void Read_UnknownSection_IsReportedOnceAndItsKeysAreSkipped()
    {
        var result = Read([.. Interface, "[Peers]", $"PublicKey = {TestKeys.PeerA}", "Whatever = 1", "[Peer]", $"PublicKey = {TestKeys.PeerB}", "AllowedIPs = 10.0.0.9/32"]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf:4:1: error: unknown section \"[Peers]\"", diagnostic.ToString());
        Assert.Equal("wg-quick(8) knows only [Interface] and [Peer]", diagnostic.Hint);
    }

    [Theory]
    [InlineData("[ Peer ]")]
    [InlineData("[Peer] extra")]
    [InlineData("[Peer")]
    [InlineData("[]")]
    public void Read_MalformedHeader_IsAnUnknownSection(string header)
    {
        var result = Read([.. Interface, header, $"PublicKey = {TestKeys.PeerA}"]);

        Assert.Equal([$"wg0.conf:4:1: error: unknown section \"{header}\""], Rendered(result));
    }

    [Theory]
    [InlineData("[interface]")]
    [InlineData("[INTERFACE]")]
    [InlineData("  [Interface]  # comment")]
    public void Read_HeaderCaseAndSpacing_IsAccepted(string header)
    {
        var result = Read(header, $"PrivateKey = {TestKeys.Private}", "Address = 10.0.0.2/24");

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
    }

    [Fact]
    public void Read_PeerWithoutPublicKey_IsAnErrorAtItsHeader()
    {
        var result = Read([.. Interface, "", "[Peer]", "AllowedIPs = 10.0.0.1/32", "Endpoint = 1.2.3.4:51820"]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf:5:1: error: Peer[1].PublicKey: missing; every [Peer] needs the peer's public key", diagnostic.ToString());
        Assert.Null(result.Config);
    }

    [Fact]
    public void Read_MalformedPublicKey_IsReportedOnceWhereWritten()
    {
        var result = Read([.. Interface, "[Peer]", "PublicKey = abc", "AllowedIPs = 10.0.0.1/32"]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf:5:13: error: Peer[1].PublicKey: \"abc\" is not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 3 characters",
            diagnostic.ToString());
    }

    [Fact]
    public void Read_SecondPeerWithoutPublicKey_NamesThatPeer()
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32", "[Peer]", "AllowedIPs = 10.0.0.3/32"]);

        Assert.Equal(["wg0.conf:7:1: error: Peer[2].PublicKey: missing; every [Peer] needs the peer's public key"], Rendered(result));
    }

    [Fact]
    public void Read_SamePublicKeyTwice_IsAnErrorAtTheSecond()
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32",
            "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.3/32"]);

        Assert.Equal(["wg0.conf:8:13: error: Peer[2].PublicKey: the same key as Peer[1] (line 4)"], Rendered(result));
    }

    [Fact]
    public void Read_SameAllowedIPForTwoPeers_WarnsAtTheLaterOne()
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.0/24",
            "[Peer]", $"PublicKey = {TestKeys.PeerB}", "AllowedIPs = 10.1.0.0/24, 10.0.0.0/24"]);

        Assert.True(result.Succeeded);
        Assert.Equal(["wg0.conf:9:27: warning: Peer[2].AllowedIPs: 10.0.0.0/24 is also allowed for Peer[1] (line 4); only this peer will get it"],
            Rendered(result));
    }

    [Fact]
    public void Read_NoInterfaceSection_IsAWholeFileError()
    {
        var result = Read("[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf: error: no [Interface] section", diagnostic.ToString());
        Assert.Equal(0, diagnostic.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    public void Read_EmptyFile_HasNoInterface(string text)
    {
        var result = WireGuardConfigReader.Read(text, FileName);

        Assert.Equal(["wg0.conf: error: no [Interface] section"], Rendered(result));
    }

    [Fact]
    public void Read_MisspeltKey_WarnsWithASuggestionAndKeepsTheEntry()
    {
        var result = Read("[Interface]", $"PrivateKey = {TestKeys.Private}", "Adress = 10.0.0.2/24");

        Assert.Equal(
            [
                "wg0.conf:1:1: error: Interface.Address: missing; wgagent needs the tunnel's own address",
                "wg0.conf:3:1: warning: Interface.Adress: unknown key; wgagent ignores it, and wg(8) rejects the line (\"Line unrecognized\")",
            ],
            Rendered(result));
        Assert.Equal("did you mean \"Address\"?", result.Diagnostics[1].Hint);
    }

    [Theory]
    [InlineData(true, "AllowedIP", "AllowedIPs")]
    [InlineData(true, "Allowed_IPs", "AllowedIPs")]
    [InlineData(true, "Keepalive", "PersistentKeepalive")]
    [InlineData(true, "EndPoints", "Endpoint")]
    [InlineData(false, "ListenPrt", "ListenPort")]
    [InlineData(false, "PrivKey", null)]
    [InlineData(false, "Foo", null)]
    [InlineData(false, "Jc", null)]
    public void Read_UnknownKey_SuggestsTheClosestKeyOfItsSection(bool inPeer, string key, string? suggestion)
    {
        string[] lines = inPeer
            ? [.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32", $"{key} = 1"]
            : [.. Interface, $"{key} = 1"];

        var result = Read(lines);

        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal(suggestion is null ? null : $"did you mean \"{suggestion}\"?", warning.Hint);
        Assert.Equal(key, Assert.Single(result.Config!.IgnoredEntries).Key);
    }

    [Fact]
    public void Read_LineStartingWithEquals_IsAnError()
    {
        var result = Read([.. Interface, " = 10.0.0.3/32"]);

        Assert.Equal(["wg0.conf:4:2: error: Interface: a line starts with \"=\"; the key is missing"], Rendered(result));
    }

    [Fact]
    public void Read_ByteOrderMark_IsAnErrorAndColumnsStayRight()
    {
        var text = "\uFEFF" + Lines([.. Interface, "ListenPort = 70000"]);

        var result = WireGuardConfigReader.Read(text, FileName);

        Assert.Equal(
            [
                "wg0.conf:1:1: error: the file starts with a byte order mark (U+FEFF), which wg-quick(8) does not accept",
                "wg0.conf:4:14: error: Interface.ListenPort: \"70000\" is not a port (1-65535)",
            ],
            Rendered(result));
    }

    [Fact]
    public void Read_SecondInterfaceSection_WarnsAndMerges()
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32", "[Interface]", "Address = fd00::2/64"]);

        Assert.Equal(["wg0.conf:7:1: warning: Interface: a second [Interface] section; its keys are merged with the first (line 1)"], Rendered(result));
        Assert.Equal(["10.0.0.2/24", "fd00::2/64"], result.Config!.Interface.Addresses.Select(a => a.ToString()));
    }

    [Fact]
    public void Read_MissingPrivateKey_Warns()
    {
        var result = Read("[Interface]", "Address = 10.0.0.2/24");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf:1:1: warning: Interface.PrivateKey: missing; the interface cannot complete a handshake without it", warning.ToString());
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Read_PeerWithoutAllowedIPs_Warns()
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}"]);

        Assert.Equal(["wg0.conf:4:1: warning: Peer[1].AllowedIPs: missing; no traffic will be sent to or accepted from this peer"], Rendered(result));
        Assert.Empty(result.Config!.Peers[0].AllowedIPs);
    }

    [Fact]
    public void Read_ManyErrors_AreAllReportedInFileOrder()
    {
        var result = Read(
            "[Interface]",
            "ListenPort = 70000",
            "Address = 10.0.0.2/33",
            "FwMark = on",
            "[Peer]",
            "Endpoint = host",
            "AllowedIPs = 10.0.0.0/8,,");

        Assert.Equal(
            [
                "wg0.conf:1:1: error: Interface.Address: missing; wgagent needs the tunnel's own address",
                "wg0.conf:1:1: warning: Interface.PrivateKey: missing; the interface cannot complete a handshake without it",
                "wg0.conf:2:14: error: Interface.ListenPort: \"70000\" is not a port (1-65535)",
                "wg0.conf:3:11: error: Interface.Address: \"10.0.0.2/33\" is not a CIDR: prefix length 33 is more than 32 for IPv4",
                "wg0.conf:4:10: error: Interface.FwMark: \"on\" is not a firewall mark: use \"off\", a decimal number or 0x and hex digits, up to 0xffffffff",
                "wg0.conf:5:1: error: Peer[1].PublicKey: missing; every [Peer] needs the peer's public key",
                "wg0.conf:6:12: error: Peer[1].Endpoint: \"host\" is not an endpoint: the \":port\" is missing (e.g. \"host:51820\")",
                "wg0.conf:7:25: error: Peer[1].AllowedIPs: empty element in the list (a stray \",\")",
                "wg0.conf:7:26: error: Peer[1].AllowedIPs: empty element in the list (a stray \",\")",
            ],
            Rendered(result));
    }

    [Fact]
    public void Read_RandomText_NeverThrowsAndReturnsAConfigOnlyWithoutErrors()
    {
        // A fixed seed keeps the test deterministic; the alphabet leans on the characters the grammar cares about.
        var random = new Random(20240611);
        const string alphabet = "[]=#,:/.% \t\r\n\uFEFFabcdefxyzAIPLQ0123456789-_+\"'";
        string[] fragments = ["[Interface]", "[Peer]", "Address", "AllowedIPs", "Endpoint", "PublicKey", "ListenPort", "FwMark",
            "DNS", "Table", "MTU", "PersistentKeepalive", "PrivateKey", "SaveConfig", "PostUp", TestKeys.PeerA, "10.0.0.1/24",
            "[::1]:5", "0x10", "off", "\n", " = "];
        for (var i = 0; i < 3000; i++)
        {
            var text = new System.Text.StringBuilder();
            var parts = random.Next(1, 40);
            for (var p = 0; p < parts; p++)
            {
                text.Append(random.Next(3) == 0
                    ? alphabet[random.Next(alphabet.Length)].ToString()
                    : fragments[random.Next(fragments.Length)]);
            }

            var result = WireGuardConfigReader.Read(text.ToString(), FileName);

            Assert.Equal(result.Diagnostics.Any(d => d.IsError), result.Config is null);
            Assert.All(result.Diagnostics, d => Assert.DoesNotContain('\n', d.ToString()));
        }
    }
}
