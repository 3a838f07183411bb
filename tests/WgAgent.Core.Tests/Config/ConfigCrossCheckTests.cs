using WgAgent.Core.Config;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.Config;

public class ConfigCrossCheckTests
{
    private const string Keys = """
        PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
        """;

    private static WireGuardConfig Tunnel(string body, string path = "/etc/wireguard/wg0.conf")
    {
        var result = WireGuardConfigReader.Read($"[Interface]\n{Keys}\n{body}", path);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    private const string Peer = "[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\n";

    private static IReadOnlyList<string> Check(string toml, WireGuardConfig tunnel) =>
        ConfigCrossCheck.Check(ConfigText.ReadValid(toml), ConfigText.Path, tunnel).Select(d => d.ToString()).ToList();

    private const string Exporter = "[[exporter]]\nname = \"node\"\nunit = \"n.service\"\nport = 9100\nscrapers = [\"10.0.0.1\"]\n";

    [Fact]
    public void Check_ScraperInsideAPeersAllowedIps_IsFine()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{Peer}AllowedIPs = 10.0.0.1/32\n");

        Assert.Empty(Check(Exporter, tunnel));
    }

    [Fact]
    public void Check_ScraperOutsideEveryTunnelNetwork_IsFlaggedAtTheScraper()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{Peer}AllowedIPs = 10.0.0.5/32\n");

        var finding = Assert.Single(Check(Exporter, tunnel));

        Assert.Equal("/etc/wgagent.toml:5:13: warning: exporter[0].scrapers[0]: 10.0.0.1 is outside every tunnel network: " +
            "no peer in /etc/wireguard/wg0.conf has it in AllowedIPs, so WireGuard drops its packets", finding);
    }

    [Fact]
    public void Check_TunnelEgressWithoutFwMark_IsAnError()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{Peer}Endpoint = 203.0.113.1:51820\nAllowedIPs = 10.0.0.0/24\n");

        var finding = Assert.Single(Check("[killswitch]\negress = \"tunnel\"\n", tunnel));

        Assert.Equal("/etc/wgagent.toml:2:10: error: killswitch.egress: egress = \"tunnel\" needs the tunnel's own packets marked, " +
            "but /etc/wireguard/wg0.conf sets no FwMark", finding);
    }

    [Theory]
    [InlineData("FwMark = 0xca6c\n", "10.0.0.0/24")]
    [InlineData("", "0.0.0.0/0")]           // wg-quick marks its packets itself when it installs a default route
    [InlineData("FwMark = off\n", "::/0")]
    public void Check_TunnelEgressWithAMark_IsFine(string fwmark, string allowed)
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{fwmark}{Peer}Endpoint = 203.0.113.1:51820\nAllowedIPs = {allowed}\n");

        Assert.Empty(Check("[killswitch]\negress = \"tunnel\"\n", tunnel));
    }

    [Fact]
    public void Check_TunnelEgressWithHostNameEndpoint_IsAnErrorInWg0Conf()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\nFwMark = 51820\n{Peer}Endpoint = vpn.example.org:51820\nAllowedIPs = 0.0.0.0/0\n");

        var finding = Assert.Single(Check("[killswitch]\negress = \"tunnel\"\n", tunnel));

        Assert.StartsWith("/etc/wireguard/wg0.conf:5:1: error: Peer[1].Endpoint: \"vpn.example.org\" is a host name: " +
            "with egress = \"tunnel\" it cannot be resolved before the tunnel is up", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HostNameEndpointWithOpenEgress_IsFine()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{Peer}Endpoint = vpn.example.org:51820\nAllowedIPs = 10.0.0.0/24\n");

        Assert.Empty(Check("", tunnel));
    }

    [Fact]
    public void Check_FileNamedForAnotherInterface_Warns()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{Peer}AllowedIPs = 10.0.0.1/32\n", "/etc/wireguard/wg1.conf");

        var finding = Assert.Single(Check("[wireguard]\nconfig = \"/etc/wireguard/wg1.conf\"\n", tunnel));

        Assert.Contains("does not configure \"wg0\"", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MissingWireGuardFile_IsAnErrorNamingIt()
    {
        var report = ConfigCheckReport.Evaluate(ConfigText.Read(""), null, "no such file");

        Assert.True(report.HasErrors);
        Assert.Null(report.Summary);
        Assert.Equal("/etc/wireguard/wg0.conf: error: cannot read the WireGuard config: no such file", Assert.Single(report.Diagnostics).ToString());
    }

    [Fact]
    public void Report_ValidPair_SummarisesThePolicy()
    {
        var text = $"[Interface]\n{Keys}\nAddress = 10.0.0.2/24\nListenPort = 51820\nFwMark = 0xca6c\n{Peer}Endpoint = 203.0.113.1:51820\nAllowedIPs = 10.0.0.1/32\n";

        var report = ConfigCheckReport.Evaluate(ConfigText.Read("[killswitch]\negress = \"tunnel\"\ndns = [\"192.0.2.53\"]\n" + Exporter), text, null);

        Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics));
        Assert.Contains("egress     tunnel: out only via wg0, plus WireGuard UDP to 203.0.113.1:51820 (fwmark 0xca6c); LAN none; DNS 192.0.2.53",
            report.Summary, StringComparison.Ordinal);
        Assert.Contains("exporters  node (n.service) on 10.0.0.2:9100 from 10.0.0.1 via wg0 only", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Ipv6BlockWithIpv6Endpoint_WarnsThatThePeerIsUnreachable()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{Peer}Endpoint = [2001:db8::1]:51820\nAllowedIPs = 10.0.0.1/32\n");

        var finding = Assert.Single(Check("[killswitch]\nipv6 = \"block\"\n", tunnel));

        Assert.StartsWith("/etc/wireguard/wg0.conf:4:1: warning: Peer[1].Endpoint: [2001:db8::1]:51820 is an IPv6 endpoint", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Ipv6TunnelWithIpv6Endpoint_IsFine()
    {
        var tunnel = Tunnel($"Address = 10.0.0.2/24\n{Peer}Endpoint = [2001:db8::1]:51820\nAllowedIPs = 10.0.0.1/32\n");

        Assert.Empty(Check("", tunnel));
    }
}
