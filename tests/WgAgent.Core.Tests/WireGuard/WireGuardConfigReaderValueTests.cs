using static WgAgent.Core.Tests.WireGuard.ConfigText;

namespace WgAgent.Core.Tests.WireGuard;

/// <summary>Exact position and wording of the diagnostic for each kind of bad value.</summary>
public sealed class WireGuardConfigReaderValueTests
{
    [Theory]
    [InlineData("ListenPort = 70000", "wg0.conf:4:14: error: Interface.ListenPort: \"70000\" is not a port (1-65535)")]
    [InlineData("ListenPort = -1", "wg0.conf:4:14: error: Interface.ListenPort: \"-1\" is not a port (1-65535)")]
    [InlineData("ListenPort = wireguard", "wg0.conf:4:14: error: Interface.ListenPort: \"wireguard\" is not a port (1-65535)")]
    [InlineData("ListenPort =", "wg0.conf:4:13: error: Interface.ListenPort: \"\" is not a port (1-65535)")]
    [InlineData("FwMark = 0XCA6C", "wg0.conf:4:10: error: Interface.FwMark: \"0XCA6C\" is not a firewall mark: use \"off\", a decimal number or 0x and hex digits, up to 0xffffffff")]
    [InlineData("FwMark = 0x1ffffffff", "wg0.conf:4:10: error: Interface.FwMark: \"0x1ffffffff\" is not a firewall mark: use \"off\", a decimal number or 0x and hex digits, up to 0xffffffff")]
    [InlineData("Address = 10.0.0.2/24, 10.0.0.300/24", "wg0.conf:4:24: error: Interface.Address: \"10.0.0.300/24\" is not a CIDR: \"10.0.0.300\" is not an IP address: 300 is more than 255")]
    [InlineData("Address = fd00::2/129", "wg0.conf:4:11: error: Interface.Address: \"fd00::2/129\" is not a CIDR: prefix length 129 is more than 128 for IPv6")]
    [InlineData("Address = 10.0.0.5/24 fd00::/64x", "wg0.conf:4:23: error: Interface.Address: \"fd00::/64x\" is not a CIDR: prefix length \"64x\" is not a number")]
    [InlineData("MTU = 100000", "wg0.conf:4:7: error: Interface.MTU: \"100000\" is not an MTU (68-65535)")]
    [InlineData("MTU = 60", "wg0.conf:4:7: error: Interface.MTU: \"60\" is not an MTU (68-65535)")]
    [InlineData("MTU = auto", "wg0.conf:4:7: error: Interface.MTU: \"auto\" is not an MTU (68-65535)")]
    [InlineData("Table = main table", "wg0.conf:4:9: error: Interface.Table: \"main table\" is not a routing table: use \"auto\", \"off\", a number or a name from /etc/iproute2/rt_tables")]
    [InlineData("Table = 99999999999", "wg0.conf:4:9: error: Interface.Table: \"99999999999\" is not a routing table number (0-4294967295)")]
    [InlineData("SaveConfig = yes", "wg0.conf:4:14: error: Interface.SaveConfig: \"yes\" is neither true nor false")]
    [InlineData("DNS = 10.0.0.1, 10.0.0.256", "wg0.conf:4:17: error: Interface.DNS: \"10.0.0.256\" is not an IP address: 256 is more than 255")]
    [InlineData("DNS = bad_domain!", "wg0.conf:4:7: error: Interface.DNS: \"bad_domain!\" is neither a DNS server address nor a search domain: \"!\" is not allowed (use letters, digits, \"-\" and \".\")")]
    [InlineData("DNS = fd00::1::2", "wg0.conf:4:7: error: Interface.DNS: \"fd00::1::2\" is not an IP address: it is not a valid IPv6 address")]
    [InlineData("Endpoint = 1.2.3.4:51820", "wg0.conf:4:1: error: Interface.Endpoint: Endpoint belongs in [Peer], not in [Interface]")]
    [InlineData("allowedips = 0.0.0.0/0", "wg0.conf:4:1: error: Interface.allowedips: AllowedIPs belongs in [Peer], not in [Interface]")]
    public void Read_BadInterfaceValue_PointsAtTheValue(string line, string expected)
    {
        var result = Read([.. Interface, line]);

        Assert.Null(result.Config);
        Assert.Equal([expected], Rendered(result));
    }

    [Theory]
    [InlineData("Endpoint = vpn.example.com", "wg0.conf:6:12: error: Peer[1].Endpoint: \"vpn.example.com\" is not an endpoint: the \":port\" is missing (e.g. \"vpn.example.com:51820\")")]
    [InlineData("Endpoint = 2001:db8::1:51820", "wg0.conf:6:12: error: Peer[1].Endpoint: \"2001:db8::1:51820\" is not an endpoint: an IPv6 address needs brackets: \"[2001:db8::1]:51820\"")]
    [InlineData("Endpoint = [fe80::1%eth0]:51820", "wg0.conf:6:12: error: Peer[1].Endpoint: \"[fe80::1%eth0]:51820\" is not an endpoint: \"fe80::1%eth0\" is not an IPv6 address: zone indexes (\"%eth0\") are not supported")]
    [InlineData("Endpoint = 89.44.10.178:70000", "wg0.conf:6:12: error: Peer[1].Endpoint: \"89.44.10.178:70000\" is not an endpoint: \"70000\" is not a port (1-65535)")]
    [InlineData("Endpoint =", "wg0.conf:6:11: error: Peer[1].Endpoint: \"\" is not an endpoint: it is empty")]
    [InlineData("AllowedIPs = 10.0.0.0/8, 192.168.0.0/33", "wg0.conf:6:26: error: Peer[1].AllowedIPs: \"192.168.0.0/33\" is not a CIDR: prefix length 33 is more than 32 for IPv4")]
    [InlineData("AllowedIPs = 10.0.0.0/8,,10.1.0.0/16", "wg0.conf:6:25: error: Peer[1].AllowedIPs: empty element in the list (a stray \",\")")]
    [InlineData("AllowedIPs = 10.0.0.0/8,", "wg0.conf:6:25: error: Peer[1].AllowedIPs: empty element in the list (a stray \",\")")]
    [InlineData("AllowedIPs = 10.0.0.0 /8", "wg0.conf:6:14: error: Peer[1].AllowedIPs: \"10.0.0.0 /8\" is not a CIDR: it contains whitespace")]
    [InlineData("PersistentKeepalive = 70000", "wg0.conf:6:23: error: Peer[1].PersistentKeepalive: \"70000\" is not a keepalive interval: use \"off\" or 1-65535 seconds")]
    [InlineData("PersistentKeepalive = 25s", "wg0.conf:6:23: error: Peer[1].PersistentKeepalive: \"25s\" is not a keepalive interval: use \"off\" or 1-65535 seconds")]
    [InlineData("Address = 10.0.0.3/32", "wg0.conf:6:1: error: Peer[1].Address: Address belongs in [Interface], not in [Peer]")]
    [InlineData("ListenPort = 51820", "wg0.conf:6:1: error: Peer[1].ListenPort: ListenPort belongs in [Interface], not in [Peer]")]
    [InlineData("PostUp = echo hi", "wg0.conf:6:1: error: Peer[1].PostUp: PostUp belongs in [Interface], not in [Peer]")]
    [InlineData("PresharedKey = nope", "wg0.conf:6:16: error: Peer[1].PresharedKey: not a WireGuard key: a key is 44 base64 characters ending in \"=\" (32 bytes), this is 4 characters (the value is a secret and not shown)")]
    public void Read_BadPeerValue_PointsAtTheValue(string line, string expected)
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", line, "AllowedIPs = 10.9.0.0/16"]);

        Assert.Null(result.Config);
        Assert.Equal([expected], Rendered(result));
    }

    [Theory]
    [InlineData("AllowedIPs = 10.0.0.1/24", "wg0.conf:6:14: warning: Peer[1].AllowedIPs: \"10.0.0.1/24\" has host bits set; the kernel uses 10.0.0.0/24", "10.0.0.0/24")]
    [InlineData("AllowedIPs = fd00::1/64", "wg0.conf:6:14: warning: Peer[1].AllowedIPs: \"fd00::1/64\" has host bits set; the kernel uses fd00::/64", "fd00::/64")]
    public void Read_AllowedIPWithHostBits_WarnsAndStoresTheNetwork(string line, string expected, string stored)
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", line]);

        Assert.True(result.Succeeded);
        Assert.Equal([expected], Rendered(result));
        Assert.Equal($"write \"{stored}\"", result.Diagnostics[0].Hint);
        Assert.Equal(stored, Assert.Single(result.Config.Peers[0].AllowedIPs).ToString());
    }

    [Fact]
    public void Read_BadPrivateKey_ReportsWithoutRevealingTheSecret()
    {
        const string secret = "SECRETSECRETSECRETSECRETSECRETSECRETSECRET==";
        var result = Read("[Interface]", "Address = 10.0.0.2/24", $"PrivateKey = {secret}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wg0.conf:3:14: error: Interface.PrivateKey: not a WireGuard key: character 43 is not a base64 character (the value is a secret and not shown)",
            diagnostic.ToString());
        Assert.Equal("generate one with \"wg genkey\"", diagnostic.Hint);
        Assert.DoesNotContain("SECRET", diagnostic.Format(includeHint: true));
    }

    [Theory]
    [InlineData("Address =", "wg0.conf:4:10: warning: Interface.Address: the value is empty; wg-quick(8) ignores this line")]
    [InlineData("DNS =   ", "wg0.conf:4:6: warning: Interface.DNS: the value is empty; wg-quick(8) ignores this line")]
    [InlineData("MTU =", "wg0.conf:4:6: warning: Interface.MTU: the value is empty; wg-quick(8) ignores this line")]
    [InlineData("Table = Off", "wg0.conf:4:9: warning: Interface.Table: \"Off\" is taken as a table name; wg-quick(8) only knows \"off\" in lower case")]
    [InlineData("Table = AUTO", "wg0.conf:4:9: warning: Interface.Table: \"AUTO\" is taken as a table name; wg-quick(8) only knows \"auto\" in lower case")]
    public void Read_QuestionableInterfaceValue_Warns(string line, string expected)
    {
        var result = Read([.. Interface, line]);

        Assert.True(result.Succeeded);
        Assert.Equal([expected], Rendered(result));
    }

    [Fact]
    public void Read_MtuBelowIPv6Minimum_WarnsWhenThereIsAnIPv6Address()
    {
        var withV6 = Read("[Interface]", $"PrivateKey = {TestKeys.Private}", "Address = 10.0.0.2/24, fd00::2/64", "MTU = 1200");
        var withoutV6 = Read([.. Interface, "MTU = 1200"]);

        Assert.Equal(["wg0.conf:4:7: warning: Interface.MTU: 1200 is below 1280, the IPv6 minimum; the kernel removes IPv6 (fd00::2/64) from such an interface"],
            Rendered(withV6));
        Assert.Empty(withoutV6.Diagnostics);
        Assert.Equal(1200, withoutV6.Config!.Interface.Mtu);
    }
}
