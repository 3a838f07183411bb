using System.Net;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.Net;

namespace WgAgent.Core.Tests.Firewall;

public sealed class KillswitchPolicyBuilderTests
{
    private const string TunnelToml = "[killswitch]\negress = \"tunnel\"\ninbound = \"restricted\"\n";

    private static KillswitchPolicy Build(string toml) =>
        KillswitchPolicyBuilder.Build(Config.ConfigText.ReadValid(toml), TunnelFiles.Standard);

    private static string[] Text<T>(IEnumerable<T> items) =>
        [.. items.Select(i => i is IPAddress a ? NftSyntax.Address(a) : i is IpNetwork n ? NftSyntax.Network(n) : i!.ToString()!)];

    private static string[] Grants(FamilyAddresses family) =>
        [.. family.Scrapers.Select(e => $"{e.Exporter} {string.Join(',', e.Ports)}: {string.Join(", ", e.Scrapers.Select(NftSyntax.Network))}")];

    private static string Exporter(string name, int port, params string[] scrapers) =>
        $"\n[[exporter]]\nname = \"{name}\"\nunit = \"{name}.service\"\nport = {port}\nscrapers = [{string.Join(", ", scrapers.Select(s => $"\"{s}\""))}]\n";

    [Fact]
    public void Build_StandardTunnel_SplitsTunnelAddressesByFamilyAsHosts()
    {
        var policy = Build("");

        Assert.Equal(["10.77.0.2"], Text(policy.IPv4.TunnelAddresses));
        Assert.Equal(["fd77::2"], Text(policy.IPv6.TunnelAddresses));
    }

    [Fact]
    public void Build_StandardTunnel_TakesMarkPortAndInterface()
    {
        var policy = Build(TunnelToml);

        Assert.Equal(0xca6cu, policy.FwMark);
        Assert.Equal(51820, policy.ListenPort);
        Assert.Equal("wg0", policy.Tunnel.Value);
        Assert.Equal((EgressMode.Tunnel, InboundMode.Restricted), (policy.Egress, policy.Inbound));
    }

    [Fact]
    public void Build_DefaultRouteWithoutFwMark_UsesWgQuickMark()
    {
        var tunnel = TunnelFiles.With("Address = 10.77.0.2/32", "Endpoint = 198.51.100.20:51820\nAllowedIPs = 0.0.0.0/0");

        var policy = KillswitchPolicyBuilder.Build(Config.ConfigText.ReadValid(TunnelToml), tunnel);

        Assert.Equal(51820u, policy.FwMark);
    }

    [Fact]
    public void Build_Endpoints_LiteralsOnlySplitByFamilyMappedAsIPv4()
    {
        var tunnel = TunnelFiles.With("Address = 10.77.0.2/32",
            "Endpoint = vpn.example.com:51820\nAllowedIPs = 10.1.0.0/24",
            "Endpoint = [::ffff:198.51.100.9]:51000\nAllowedIPs = 10.2.0.0/24",
            "Endpoint = 198.51.100.9:51000\nAllowedIPs = 10.3.0.0/24",
            "Endpoint = [2001:db8::9]:51820\nAllowedIPs = 10.4.0.0/24",
            "AllowedIPs = 10.5.0.0/24");

        var policy = KillswitchPolicyBuilder.Build(Config.ConfigText.ReadValid(TunnelToml), tunnel);

        Assert.Equal(["198.51.100.9:51000"], Text(policy.IPv4.Endpoints));
        Assert.Equal(["[2001:db8::9]:51820"], Text(policy.IPv6.Endpoints));
    }

    [Fact]
    public void Build_Scrapers_DedupedContainedNetworksRemovedMappedAsIPv4()
    {
        var policy = Build("[metrics]\nport = 0\n" +
            Exporter("node", 9100, "10.77.0.5", "::ffff:10.77.0.1", "10.77.0.1/32", "10.77.0.0/24", "fd77::1", "fd77::/64"));

        Assert.Equal(["node 9100: 10.77.0.0/24"], Grants(policy.IPv4));
        Assert.Equal(["node 9100: fd77::/64"], Grants(policy.IPv6));
    }

    [Fact]
    public void Build_ContainmentIsPerExporter_SameScraperKeptForEach()
    {
        var policy = Build("[metrics]\nport = 0\n" + Exporter("a", 9100, "10.77.0.0/24") + Exporter("b", 9200, "10.77.0.5"));

        Assert.Equal(["a 9100: 10.77.0.0/24", "b 9200: 10.77.0.5"], Grants(policy.IPv4));
    }

    [Fact]
    public void Build_MetricsEnabled_EveryExporterRuleAlsoOpensMetricsPort()
    {
        // The metrics port is reachable from the union of all scrapers: each exporter's scrapers, listed once.
        var policy = Build("[metrics]\nport = 9586\n" + Exporter("a", 9100, "10.77.0.1") + Exporter("b", 9200, "10.77.0.3", "fd77::1"));

        Assert.Equal([9100, 9200, 9586], policy.GuardedPorts.Select(p => p.Port));
        Assert.Equal(KillswitchPolicyBuilder.MetricsName, policy.GuardedPorts[^1].Name);
        Assert.Equal(["a 9100,9586: 10.77.0.1", "b 9200,9586: 10.77.0.3"], Grants(policy.IPv4));
        Assert.Equal(["b 9200,9586: fd77::1"], Grants(policy.IPv6));
    }

    [Fact]
    public void Build_MetricsPortBelowExporterPort_PortsSorted()
    {
        var policy = Build("[metrics]\nport = 8080\n" + Exporter("a", 9100, "10.77.0.1"));

        Assert.Equal(["a 8080,9100: 10.77.0.1"], Grants(policy.IPv4));
    }

    [Fact]
    public void Build_MetricsOff_PortNotGuarded()
    {
        var policy = Build("[metrics]\nport = 0\n" + Exporter("a", 9100, "10.77.0.1"));

        Assert.Equal([9100], policy.GuardedPorts.Select(p => p.Port));
        Assert.Equal(["a 9100: 10.77.0.1"], Grants(policy.IPv4));
    }

    [Fact]
    public void Build_MetricsWithoutExporters_PortGuardedAndNobodyAllowed()
    {
        var policy = Build("");

        Assert.Equal([9586], policy.GuardedPorts.Select(p => p.Port));
        Assert.Empty(policy.IPv4.Scrapers);
        Assert.Empty(policy.IPv6.Scrapers);
    }

    [Fact]
    public void Build_ExportersSortedByPort_OnlyFamiliesTheyHave()
    {
        var policy = Build("[metrics]\nport = 0\n" + Exporter("z", 9100, "fd77::1") + Exporter("a", 9200, "10.77.0.1", "fd77::2"));

        Assert.Equal(["a 9200: 10.77.0.1"], Grants(policy.IPv4));
        Assert.Equal(["z 9100: fd77::1", "a 9200: fd77::2"], Grants(policy.IPv6));
    }

    [Fact]
    public void Build_ExporterNameTwice_FirstKeptSecondPortStillGuarded()
    {
        // The config reader refuses this; built by hand, the set names would clash and nft would refuse the table.
        var config = Config.ConfigText.ReadValid("[metrics]\nport = 0\n" + Exporter("a", 9100, "10.77.0.1") + Exporter("b", 9200, "10.77.0.3"));
        config = config with { Exporters = [config.Exporters[0], config.Exporters[1] with { Name = "a" }] };

        var policy = KillswitchPolicyBuilder.Build(config, TunnelFiles.Standard);

        Assert.Equal(["a 9100: 10.77.0.1"], Grants(policy.IPv4));
        Assert.Equal([9100, 9200], policy.GuardedPorts.Select(p => p.Port));
    }

    [Fact]
    public void Build_EgressTunnel_LanAndDnsSplitSortedAndFolded()
    {
        var policy = Build(TunnelToml + """
            allow_lan = ["192.168.1.0/24", "2001:db8:0:1::/64", "10.0.0.0/8", "10.9.0.0/16", "::ffff:172.16.0.0/108"]
            dns = ["2001:db8::53", "192.168.1.53", "::ffff:9.9.9.9"]
            """);

        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12", "192.168.1.0/24"], Text(policy.IPv4.AllowLan));
        Assert.Equal(["2001:db8:0:1::/64"], Text(policy.IPv6.AllowLan));
        Assert.Equal(["9.9.9.9", "192.168.1.53"], Text(policy.IPv4.Dns));
        Assert.Equal(["2001:db8::53"], Text(policy.IPv6.Dns));
    }

    [Fact]
    public void Build_EgressOpen_LanAndDnsNotInPolicy()
    {
        var policy = Build("[killswitch]\nallow_lan = [\"192.168.1.0/24\"]\ndns = [\"192.168.1.53\"]\n");

        Assert.Empty(policy.IPv4.AllowLan);
        Assert.Empty(policy.IPv4.Dns);
    }

    [Fact]
    public void Build_InboundOpen_AllowInboundNotInPolicy()
    {
        var policy = Build("[killswitch]\nallow_inbound = [\"tcp/22\", \"udp/53\"]\n");

        Assert.Empty(policy.AllowInbound);
    }

    [Theory]
    [InlineData("\"tcp/22\"", "tcp/22")]
    [InlineData("\"tcp/22\", \"tcp/23\", \"tcp/24-30\"", "tcp/22-30")]
    [InlineData("\"tcp/20-25\", \"tcp/22\", \"udp/22\"", "tcp/20-25 udp/22")]
    [InlineData("\"udp/1000-2000\", \"tcp/22\", \"udp/1500-2500\", \"udp/2502\"", "tcp/22 udp/1000-2500 udp/2502")]
    public void Build_AllowInbound_SortedOverlapsAndNeighboursMerged(string rules, string expected)
    {
        var policy = Build($"[killswitch]\ninbound = \"restricted\"\nallow_inbound = [{rules}]\n");

        Assert.Equal(expected, string.Join(' ', policy.AllowInbound));
    }

    [Fact]
    public void Build_Ipv6Block_NoIPv6AddressesAtAll()
    {
        var policy = Build(TunnelToml + "ipv6 = \"block\"\nallow_lan = [\"2001:db8::/32\"]\ndns = [\"2001:db8::53\"]\n" +
            Exporter("node", 9100, "fd77::1", "10.77.0.1"));

        Assert.True(policy.IPv6.IsEmpty);
        Assert.Equal(["10.77.0.2"], Text(policy.IPv4.TunnelAddresses));
        Assert.NotEmpty(policy.IPv4.Scrapers);
    }

    [Fact]
    public void Build_ScrapersInAnotherOrder_SameRenderedBytes()
    {
        var one = Build(TunnelToml + "allow_lan = [\"10.0.0.0/8\", \"192.168.0.0/16\"]\n" + Exporter("n", 9100, "10.77.0.1", "fd77::1", "10.77.0.3"));
        var two = Build(TunnelToml + "allow_lan = [\"192.168.0.0/16\", \"10.0.0.0/8\"]\n" + Exporter("n", 9100, "10.77.0.3", "fd77::1", "10.77.0.1"));

        Assert.Equal(NftRuleset.RenderTable(one), NftRuleset.RenderTable(two));
    }

    [Fact]
    public void ToString_StandardTunnel_OneLineWithPostureAndCounts()
    {
        var policy = Build(TunnelToml + Exporter("node", 9100, "10.77.0.1", "fd77::1"));

        Assert.Equal("egress=tunnel inbound=restricted forward=open ipv6=tunnel via wg0 (fwmark 0x0000ca6c, listen port 51820); " +
            "2 tunnel addresses, 2 endpoints, 0 LAN networks, 0 resolvers, 1 inbound port rules, 2 guarded ports, 2 scraper entries",
            policy.ToString());
    }
}
