using System.Net;
using WgAgent.Core.Config;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Tests.Config;

public class AgentConfigReaderTests
{
    private const string FullConfig = """
        [wireguard]
        interface = "wg1"
        config = "/etc/wireguard/wg1.conf"
        wait_timeout_seconds = 30

        [killswitch]
        egress = "tunnel"
        inbound = "restricted"
        allow_inbound = ["tcp/22", "udp/60000-61000"]
        allow_lan = ["192.168.1.0/24", "fd00:1::/64", "10.9.9.9"]
        dns = ["192.168.1.1", "2001:db8::53"]
        forward = "tunnel"
        ipv6 = "block"

        [[exporter]]
        name = "node"
        unit = "prometheus-node-exporter.service"
        port = 9100
        scrapers = ["10.0.0.1", "fd00::1"]

        [[exporter]]
        name = "blackbox"
        unit = "prometheus-blackbox-exporter.service"
        port = 9115
        scrapers = ["10.0.0.0/29"]

        [status]
        socket = "/run/wgagent/other.sock"
        group = "monitoring"

        [metrics]
        port = 0
        """;

    [Fact]
    public void Read_EmptyFile_GivesTheDefaults()
    {
        var config = ConfigText.ReadValid("");

        Assert.Equal(AgentConfig.Default.ToString(), config.ToString());
    }

    [Fact]
    public void Read_ShippedDefaultFile_IsValidAndEqualsTheBuiltInDefaults()
    {
        // The conffile documents every key with its default value; the two must never drift apart.
        var path = Path.Combine(RepositoryFiles.Root, "packaging", "wgagent.toml");

        var result = AgentConfigReader.Read(File.ReadAllBytes(path), path);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(AgentConfig.Default.ToString(), result.Config!.ToString());
    }

    [Fact]
    public void Read_EveryKey_GivesTypedValues()
    {
        var config = ConfigText.ReadValid(FullConfig);

        Assert.Equal("wg1", config.WireGuard.Interface.Value);
        Assert.Equal("/etc/wireguard/wg1.conf", config.WireGuard.ConfigPath);
        Assert.Equal(TimeSpan.FromSeconds(30), config.WireGuard.WaitTimeout);
        var k = config.Killswitch;
        Assert.Equal((EgressMode.Tunnel, InboundMode.Restricted, ForwardMode.Tunnel, Ipv6Mode.Block), (k.Egress, k.Inbound, k.Forward, k.Ipv6));
        Assert.Equal(["tcp/22", "udp/60000-61000"], k.AllowInbound.Select(r => r.ToString()));
        Assert.Equal(["192.168.1.0/24", "fd00:1::/64", "10.9.9.9/32"], k.AllowLan.Select(n => n.ToString()));
        Assert.Equal([IPAddress.Parse("192.168.1.1"), IPAddress.Parse("2001:db8::53")], k.Dns);
        Assert.Equal(["node", "blackbox"], config.Exporters.Select(e => e.Name));
        Assert.Equal("prometheus-node-exporter.service", config.Exporters[0].Unit.Value);
        Assert.Equal(9115, config.Exporters[1].Port);
        Assert.Equal(["10.0.0.1/32", "fd00::1/128"], config.Exporters[0].Scrapers.Select(n => n.ToString()));
        Assert.Equal(new StatusSettings("/run/wgagent/other.sock", "monitoring"), config.Status);
        Assert.False(config.Metrics.Enabled);
    }

    [Fact]
    public void Read_ExportersAsInlineTables_AreAccepted()
    {
        var config = ConfigText.ReadValid(
            "exporter = [{ name = \"node\", unit = \"prometheus-node-exporter.service\", port = 9100, scrapers = [\"10.0.0.1\"] }]\n");

        Assert.Equal(9100, Assert.Single(config.Exporters).Port);
    }

    [Fact]
    public void Read_ValidFile_RecordsWhereEachValueWasWritten()
    {
        var config = ConfigText.ReadValid(FullConfig);

        Assert.Equal(new TextPosition(19, 25), config.Positions["exporter[0].scrapers[1]"]);
        Assert.Equal(new TextPosition(7, 10), config.Positions["killswitch.egress"]);
    }

    [Fact]
    public void Read_LanRangesWithOpenEgress_WarnsButSucceeds()
    {
        var result = ConfigText.Read("[killswitch]\nallow_lan = [\"192.168.1.0/24\"]\n");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "/etc/wgagent.toml:2:13: warning: killswitch.allow_lan: has no effect while killswitch.egress = \"open\"", warning.ToString());
    }

    [Fact]
    public void Read_RestrictedInboundWithoutSsh_WarnsOfLockout()
    {
        var result = ConfigText.Read("[killswitch]\ninbound = \"restricted\"\nallow_inbound = [\"tcp/443\"]\n");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("lock yourself out", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateListEntry_WarnsAndKeepsOne()
    {
        var result = ConfigText.Read("[killswitch]\negress = \"tunnel\"\ndns = [\"192.0.2.53\", \"192.0.2.53\"]\n");

        Assert.Single(result.Config!.Killswitch.Dns);
        Assert.Equal(
            "/etc/wgagent.toml:3:22: warning: killswitch.dns[1]: \"192.0.2.53\" is listed twice (first as killswitch.dns[0])",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("[[exporter]]\nname=\"a\"\nunit=\"a.service\"\nport=9100\nscrapers=[\"10.0.0.1\"]\n[[exporter]]\nname=\"a\"\nunit=\"b.service\"\nport=9101\nscrapers=[\"10.0.0.1\"]\n",
        "/etc/wgagent.toml:7:6: error: exporter[1].name: exporter name \"a\" is used twice (first by exporter[0])")]
    [InlineData("[[exporter]]\nname=\"a\"\nunit=\"a.service\"\nport=9100\nscrapers=[\"10.0.0.1\"]\n[[exporter]]\nname=\"b\"\nunit=\"b.service\"\nport=9100\nscrapers=[\"10.0.0.1\"]\n",
        "/etc/wgagent.toml:9:6: error: exporter[1].port: port 9100 is used twice (first by exporter[0])")]
    [InlineData("[[exporter]]\nname=\"a\"\nunit=\"a.service\"\nport=9586\nscrapers=[\"10.0.0.1\"]\n",
        "/etc/wgagent.toml:4:6: error: exporter[0].port: port 9586 is also metrics.port")]
    [InlineData("[[exporter]]\nname=\"a\"\nunit=\"a.socket\"\nport=9100\nscrapers=[\"10.0.0.1\"]\n",
        "/etc/wgagent.toml:3:6: error: exporter[0].unit: \"a.socket\" is a .socket unit: name the exporter's .service")]
    [InlineData("[[exporter]]\nname=\"Node Exporter\"\nunit=\"a.service\"\nport=9100\nscrapers=[\"10.0.0.1\"]\n",
        "/etc/wgagent.toml:2:6: error: exporter[0].name: \"Node Exporter\" is not an exporter name: use 1 to 32 lowercase letters, digits, '_' or '-', starting with a letter or digit")]
    [InlineData("[[exporter]]\nname=\"a\"\nunit=\"a.service\"\nport=9100\nscrapers=[]\n",
        "/etc/wgagent.toml:1:1: error: exporter[0].scrapers: no scrapers: nobody could reach this exporter")]
    [InlineData("[wireguard]\nconfig = \"wg0.conf\"\n",
        "/etc/wgagent.toml:2:10: error: wireguard.config: \"wg0.conf\" is not an absolute path")]
    [InlineData("[wireguard]\nwait_timeout_seconds = -1\n",
        "/etc/wgagent.toml:2:24: error: wireguard.wait_timeout_seconds: -1 is out of range: use 0 to 86400 seconds")]
    [InlineData("[status]\ngroup = \"Wheel\"\n",
        "/etc/wgagent.toml:2:9: error: status.group: \"Wheel\" is not a group name: use lowercase letters, digits, '_' and '-', starting with a letter or '_', at most 32 characters")]
    [InlineData("killswitch = \"tunnel\"\n",
        "/etc/wgagent.toml:1:14: error: killswitch: expected a table, found a string")]
    [InlineData("[killswitch]\nallow_inbound = [\"tcp/22\", 443]\n",
        "/etc/wgagent.toml:2:28: error: killswitch.allow_inbound[1]: expected a string, found an integer")]
    public void Read_InvalidValue_ReportsExactly(string toml, string expected)
    {
        var errors = ConfigText.Errors(toml);

        Assert.Equal(expected, Assert.Single(errors));
    }

    [Fact]
    public void Read_InvalidUtf8_IsRejectedWithAPosition()
    {
        var bytes = "[killswitch]\negress = \"o"u8.ToArray().Concat(new byte[] { 0xFF }).Concat("\"\n"u8.ToArray()).ToArray();

        var result = AgentConfigReader.Read(bytes, "/etc/wgagent.toml");

        Assert.False(result.Succeeded);
        Assert.StartsWith("/etc/wgagent.toml:2:", Assert.Single(result.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenFile_StillNamesTheWireGuardConfigToCheck()
    {
        var result = ConfigText.Read("[wireguard]\nconfig = \"/etc/wireguard/wg7.conf\"\n[killswitch]\negress = 1\n");

        Assert.False(result.Succeeded);
        Assert.Equal("/etc/wireguard/wg7.conf", result.WireGuardConfigPath);
    }
}
