using System.Net;
using WgAgent.Core.Net;
using WgAgent.Core.WireGuard;
using static WgAgent.Core.Tests.WireGuard.ConfigText;

namespace WgAgent.Core.Tests.WireGuard;

/// <summary>The reader on whole, realistic files like the ones users write (see shared/seeds).</summary>
public sealed class WireGuardConfigReaderTests
{
    [Fact]
    public void Read_MullvadKillSwitchConfig_ReadsDualStackAndKeepsHooksVerbatim()
    {
        // Arrange: the shape Mullvad generates (seed 002), hooks with $(...) and "!" intact.
        const string postUp = "iptables -I OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT && ip6tables -I OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT";
        const string preDown = "iptables -D OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT";
        var text = Lines(
            "[Interface]",
            $"PrivateKey = {TestKeys.Private}",
            "Address = 10.64.23.84/32,fc00:bbbb:bbbb:bb01::1:1753/128",
            "DNS = 10.64.0.1",
            $"PostUp = {postUp}",
            $"PreDown = {preDown}",
            "",
            "[Peer]",
            "PublicKey = pu22RCPeJCeiDIE7a1XtWvmv3BdgPp8ugF6AyntW8xU=",
            "AllowedIPs = 0.0.0.0/0,::0/0",
            "Endpoint = 89.44.10.114:51820");

        // Act
        var result = WireGuardConfigReader.Read(text, "/etc/wireguard/wg0.conf");

        // Assert
        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Empty(result.Diagnostics);
        var config = result.Config;
        Assert.Equal(["10.64.23.84/32", "fc00:bbbb:bbbb:bb01::1:1753/128"], config.Interface.Addresses.Select(a => a.ToString()));
        Assert.Equal([IPAddress.Parse("10.64.0.1")], config.Interface.DnsServers);
        Assert.Null(config.Interface.FwMark);
        Assert.Null(config.Interface.ListenPort);
        Assert.True(config.Interface.HasPrivateKey);
        var peer = Assert.Single(config.Peers);
        Assert.Equal("pu22RCPeJCeiDIE7a1XtWvmv3BdgPp8ugF6AyntW8xU=", peer.PublicKey.ToString());
        Assert.Equal(["0.0.0.0/0", "::/0"], peer.AllowedIPs.Select(a => a.ToString()));
        Assert.Equal("89.44.10.114:51820", peer.Endpoint!.ToString());
        Assert.True(config.HasDefaultRoute);
        Assert.Equal(
            [("Interface", "PostUp", postUp, 5), ("Interface", "PreDown", preDown, 6)],
            config.IgnoredEntries.Select(e => (e.Section, e.Key, e.Value, e.KeyPosition.Line)));
    }

    [Fact]
    public void Read_MonitoredVps_ReadsListenPortHostnameEndpointAndKeepalive()
    {
        var result = Read(
            "# wg0 on node-1, scraped by the monitor over WireGuard",
            "[Interface]",
            "Address = 10.0.0.2/24",
            "ListenPort = 51820",
            $"PrivateKey = {TestKeys.Private}",
            "",
            "# the monitor",
            "[Peer]",
            $"PublicKey = {TestKeys.PeerA}",
            "AllowedIPs = 10.0.0.1/32",
            "Endpoint = monitor.example.net:51820",
            "PersistentKeepalive = 25");

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Empty(result.Diagnostics);
        var config = result.Config;
        Assert.Equal(51820, config.Interface.ListenPort);
        Assert.Equal("10.0.0.2/24", Assert.Single(config.Interface.Addresses).ToString());
        var peer = Assert.Single(config.Peers);
        Assert.Equal(EndpointHostKind.HostName, peer.Endpoint!.HostKind);
        Assert.Equal("monitor.example.net", peer.Endpoint.Host);
        Assert.Equal(25, peer.PersistentKeepalive);
        Assert.Equal(1, peer.Index);
        Assert.Equal(8, peer.Position.Line);
        Assert.False(config.HasDefaultRoute);
    }

    [Fact]
    public void Read_DockerRouterWithManyIptablesHooks_PreservesEveryHookInOrderAndIgnoresThem()
    {
        // Seed 000: PostUp/PreDown pairs that wgagent must not run, only keep.
        var hooks = new[]
        {
            "PostUp = iptables -A FORWARD -i %i -j ACCEPT",
            "PostUp = iptables -A FORWARD -o %i -j ACCEPT",
            "PostUp = iptables -t nat -A POSTROUTING -o eth+ -j MASQUERADE",
            "PreDown = iptables -D FORWARD -i %i -j ACCEPT",
            "PreDown = iptables -D FORWARD -o %i -j ACCEPT",
            "PreDown = iptables -t nat -D POSTROUTING -o eth+ -j MASQUERADE",
        };
        var result = Read([
            "[Interface]", "Address = 10.13.13.1", "ListenPort = 51820", $"PrivateKey = {TestKeys.Private}",
            .. hooks,
            "", "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.13.13.2/32",
            "", "[Peer]", $"PublicKey = {TestKeys.PeerB}", "AllowedIPs = 10.13.13.3/32, 172.25.0.0/16",
        ]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        var config = result.Config;
        Assert.Equal("10.13.13.1/32", Assert.Single(config.Interface.Addresses).ToString());
        Assert.Equal(hooks.Select(h => h[(h.IndexOf('=') + 2)..]), config.IgnoredEntries.Select(e => e.Value));
        Assert.Equal(Enumerable.Range(5, 6), config.IgnoredEntries.Select(e => e.KeyPosition.Line));
        Assert.Equal(2, config.Peers.Count);
        Assert.Equal(["10.13.13.3/32", "172.25.0.0/16"], config.Peers[1].AllowedIPs.Select(a => a.ToString()));
        Assert.Equal(2, config.Peers[1].Index);
    }

    [Fact]
    public void Read_CrlfLineEndingsCommentsTrailingSpacesAndLowerCaseKeys_ReadsLikeWgQuick()
    {
        var text = string.Join("\r\n",
            "# edited on Windows   ",
            "[interface]   ",
            "address = 10.0.0.2/24   # v4",
            "Address=fd00::2/64",
            "\tADDRESS = 192.168.77.2/32 , fd00:77::2/128\t",
            "fwmark = 0xca6c  ",
            "listenport = 51820 ",
            "table = off",
            "mtu = 1420",
            "dns = 10.0.0.1, fd00::1, lan, corp.example.com",
            $"privatekey = {TestKeys.Private}   ",
            "",
            "[PEER]",
            $"publickey = {TestKeys.PeerA}",
            "endpoint = [2001:db8::10]:51820   # IPv6 endpoint",
            "allowedips = 10.0.0.0/24, fd00::/64",
            "persistentkeepalive = off",
            "");

        var result = WireGuardConfigReader.Read(text, FileName);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Empty(result.Diagnostics);
        var wg = result.Config.Interface;
        Assert.Equal(["10.0.0.2/24", "fd00::2/64", "192.168.77.2/32", "fd00:77::2/128"], wg.Addresses.Select(a => a.ToString()));
        Assert.Equal(0xca6cu, wg.FwMark);
        Assert.Equal(51820, wg.ListenPort);
        Assert.Equal(WireGuardRouteTable.Off, wg.Table);
        Assert.Equal(1420, wg.Mtu);
        Assert.Equal([IPAddress.Parse("10.0.0.1"), IPAddress.Parse("fd00::1")], wg.DnsServers);
        Assert.Equal(["lan", "corp.example.com"], wg.DnsSearchDomains);
        var peer = Assert.Single(result.Config.Peers);
        Assert.Equal("[2001:db8::10]:51820", peer.Endpoint!.ToString());
        Assert.Equal(EndpointHostKind.IPv6, peer.Endpoint.HostKind);
        Assert.Null(peer.PersistentKeepalive);
    }

    [Theory]
    [InlineData("FwMark = 0xca6c", 0xca6cu)]
    [InlineData("FwMark = 51820", 51820u)]
    [InlineData("FwMark = off", 0u)]
    [InlineData("FwMark = 0", 0u)]
    [InlineData("FwMark = 0xFFFFFFFF", 0xffffffffu)]
    public void Read_FwMarkForms_AreReadLikeWg(string line, uint expected)
    {
        var result = Read([.. Interface, line]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Equal(expected, result.Config.Interface.FwMark);
    }

    [Theory]
    [InlineData("Table = auto", WireGuardRouteTableKind.Auto, "auto")]
    [InlineData("Table = off", WireGuardRouteTableKind.Off, "off")]
    [InlineData("Table = 1234", WireGuardRouteTableKind.Number, "1234")]
    [InlineData("Table = 4294967295", WireGuardRouteTableKind.Number, "4294967295")]
    [InlineData("Table = vpn_routes", WireGuardRouteTableKind.Name, "vpn_routes")]
    public void Read_TableForms_AreTyped(string line, WireGuardRouteTableKind kind, string rendered)
    {
        var result = Read([.. Interface, line]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Equal(kind, result.Config.Interface.Table.Kind);
        Assert.Equal(rendered, result.Config.Interface.Table.ToString());
    }

    [Fact]
    public void Read_NoTable_IsAuto()
    {
        var result = Read(Interface);

        Assert.Equal(WireGuardRouteTable.Auto, result.Config!.Interface.Table);
    }

    [Theory]
    [InlineData("ListenPort = 0")]
    [InlineData("ListenPort = 00")]
    public void Read_ListenPortZero_MeansAnyPort(string line)
    {
        var result = Read([.. Interface, line]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Null(result.Config.Interface.ListenPort);
    }

    [Theory]
    [InlineData("PersistentKeepalive = 0", null)]
    [InlineData("PersistentKeepalive = OFF", null)]
    [InlineData("PersistentKeepalive = 1", 1)]
    [InlineData("PersistentKeepalive = 65535", 65535)]
    public void Read_PersistentKeepalive_OffAndZeroAreNull(string line, int? expected)
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32", line]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Equal(expected, Assert.Single(result.Config.Peers).PersistentKeepalive);
    }

    [Fact]
    public void Read_AllowedIPsOverSeveralLines_Accumulate()
    {
        var result = Read([.. Interface, "[Peer]", $"PublicKey = {TestKeys.PeerA}",
            "AllowedIPs = 10.0.0.1/32", "AllowedIPs = 10.1.0.0/16, fd00:1::/48", "AllowedIPs ="]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Equal(["10.0.0.1/32", "10.1.0.0/16", "fd00:1::/48"], result.Config.Peers[0].AllowedIPs.Select(a => a.ToString()));
    }

    [Fact]
    public void Read_PresharedKeyAndPrivateKey_AreNeverInTheModelOrItsText()
    {
        var result = Read([.. Interface, "SaveConfig = true", "[Peer]", $"PublicKey = {TestKeys.PeerA}", $"PresharedKey = {TestKeys.Psk}",
            "AllowedIPs = 10.0.0.1/32", "Endpoint = [2001:db8::1]:51820"]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        var config = result.Config;
        Assert.True(config.Peers[0].HasPresharedKey);
        var everything = string.Join("\n", config.ToString(), config.Interface.ToString(), config.Peers[0].ToString(),
            string.Join(",", config.IgnoredEntries.Select(e => e.Value + e)));
        Assert.DoesNotContain(TestKeys.Private, everything);
        Assert.DoesNotContain(TestKeys.Psk, everything);
        Assert.Contains(TestKeys.PeerA, everything);
    }

    [Fact]
    public void ToString_Config_IsAOneLineSummary()
    {
        var result = Read(
            "[Interface]", "Address = 10.0.0.2/24, fd00::2/64", "ListenPort = 51820", "FwMark = 0xca6c", "MTU = 1380",
            $"PrivateKey = {TestKeys.Private}",
            "[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32", "Endpoint = vpn.example.com:51820",
            "[Peer]", $"PublicKey = {TestKeys.PeerB}", "AllowedIPs = 10.0.0.3/32");

        var text = result.Config!.ToString();

        Assert.Equal("wg0.conf: address 10.0.0.2/24, fd00::2/64; listen-port 51820; fwmark 0xca6c; mtu 1380; private key set; 2 peers (vpn.example.com:51820)", text);
    }

    [Fact]
    public void Read_PrivateKeySetByPostUp_DoesNotWarn()
    {
        var result = Read("[Interface]", "Address = 10.0.0.2/24", "PostUp = wg set %i private-key /etc/wireguard/%i.key");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.False(result.Config.Interface.HasPrivateKey);
    }

    [Fact]
    public void Read_HookWithHashInside_KeepsTheWholeCommandLikeWgQuick()
    {
        var result = Read([.. Interface, "PostUp = echo '#1 up' >> /var/log/wg.log # note"]);

        Assert.Equal("echo '#1 up' >> /var/log/wg.log # note", Assert.Single(result.Config!.IgnoredEntries).Value);
    }

    [Fact]
    public void Read_InterfaceAfterPeers_IsFine()
    {
        var result = Read(["[Peer]", $"PublicKey = {TestKeys.PeerA}", "AllowedIPs = 10.0.0.1/32", .. Interface]);

        Assert.True(result.Succeeded, string.Join("\n", Rendered(result)));
        Assert.Equal(4, result.Config.Interface.Position.Line);
    }

    [Fact]
    public void Read_ServerWithoutPeers_IsFine()
    {
        var result = Read(Interface);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Config.Peers);
        Assert.Empty(result.Diagnostics);
    }
}
