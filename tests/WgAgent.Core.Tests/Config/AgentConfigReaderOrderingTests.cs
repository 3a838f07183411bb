using WgAgent.Core.Config;

namespace WgAgent.Core.Tests.Config;

/// <summary><c>[ordering] after_tunnel</c>: the units that wait for wgagent, and the ones that cannot.</summary>
public class AgentConfigReaderOrderingTests
{
    private const string NodeExporter = "[[exporter]]\nname = \"node\"\nunit = \"prometheus-node-exporter.service\"\nport = 9100\nscrapers = [\"10.0.0.1\"]\n";

    [Fact]
    public void Read_NoOrderingSection_NoUnitWaits()
    {
        var config = ConfigText.ReadValid("");

        Assert.Empty(config.Ordering.AfterTunnel);
        Assert.Same(OrderingSettings.None, AgentConfig.Default.Ordering);
    }

    [Fact]
    public void Read_ValidList_TypedUnitsInFileOrder()
    {
        var config = ConfigText.ReadValid("[ordering]\nafter_tunnel = [\"docker.service\", \"containerd.service\", \"srv-data.mount\", \"backup@nightly.timer\"]\n");

        Assert.Equal(["docker.service", "containerd.service", "srv-data.mount", "backup@nightly.timer"], config.Ordering.AfterTunnel.Select(u => u.Value));
        Assert.Equal("timer", config.Ordering.AfterTunnel[3].Type);
    }

    [Fact]
    public void Read_ShippedExampleUncommented_IsValid()
    {
        // The conffile shows [ordering] commented out; uncommented as a user would, it must read as documented.
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "packaging", "wgagent.toml"));
        var example = lines.SkipWhile(l => l != "# [ordering]").TakeWhile(l => l.StartsWith('#')).Select(l => l[2..]);

        var config = ConfigText.ReadValid(string.Join("\n", example) + "\n");

        Assert.Equal(["docker.service"], config.Ordering.AfterTunnel.Select(u => u.Value));
    }

    [Fact]
    public void Read_ValidList_RecordsWhereEachUnitWasWritten()
    {
        var config = ConfigText.ReadValid("[ordering]\nafter_tunnel = [\"docker.service\", \"containerd.service\"]\n");

        Assert.Equal(new WgAgent.Core.Diagnostics.TextPosition(2, 35), config.Positions["ordering.after_tunnel[1]"]);
    }

    [Fact]
    public void Read_EmptyList_NoUnitWaits()
    {
        var config = ConfigText.ReadValid("[ordering]\nafter_tunnel = []\n");

        Assert.Empty(config.Ordering.AfterTunnel);
    }

    [Fact]
    public void Read_ValidList_ShowsInTheStartupLine()
    {
        var config = ConfigText.ReadValid("[ordering]\nafter_tunnel = [\"docker.service\", \"containerd.service\"]\n");

        Assert.EndsWith("; ordering: after_tunnel=[docker.service containerd.service]", config.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("; ordering: after_tunnel=[]", AgentConfig.Default.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[ordering]\nafter_tunnel = \"docker.service\"\n",
        "/etc/wgagent.toml:2:16: error: ordering.after_tunnel: expected an array of strings, found a string")]
    [InlineData("[ordering]\nafter_tunnel = [\"docker.service\", 7]\n",
        "/etc/wgagent.toml:2:35: error: ordering.after_tunnel[1]: expected a string, found an integer")]
    [InlineData("[ordering]\nafter_tunnel = [\"docker\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"docker\" is not a systemd unit name: it must end in a unit type such as \".service\"")]
    [InlineData("[ordering]\nafter_tunnel = [\"my app.service\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"my app.service\" is not a systemd unit name: character ' ' is not allowed")]
    [InlineData("[ordering]\nafter_tunnel = [\"docker.service\", \"containerd.service\", \"docker.service\"]\n",
        "/etc/wgagent.toml:2:57: error: ordering.after_tunnel[2]: \"docker.service\" is listed twice (first as ordering.after_tunnel[0])\n  hint: remove one of them")]
    [InlineData("[ordering]\nafter_tunnel = [\"wgagent.service\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"wgagent.service\" is wgagent itself: a unit cannot wait for itself\n  hint: remove it from the list")]
    [InlineData("[ordering]\nafter_tunnel = [\"wgagent-killswitch.service\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"wgagent-killswitch.service\" is reached before wgagent.service can start: waiting for wgagent would be an ordering cycle\n  hint: list the services that need the tunnel instead, e.g. \"docker.service\"")]
    [InlineData("[ordering]\nafter_tunnel = [\"wg-quick@wg0.service\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"wg-quick@wg0.service\" brings the tunnel up and wgagent.service waits for it: waiting for wgagent in turn would be an ordering cycle\n  hint: remove it: wgagent.service is already ordered after the tunnel")]
    [InlineData("[ordering]\nafter_tunnel = [\"wg-quick@.service\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"wg-quick@.service\" brings the tunnel up and wgagent.service waits for it: waiting for wgagent in turn would be an ordering cycle\n  hint: remove it: wgagent.service is already ordered after the tunnel")]
    [InlineData("[ordering]\nafter_tunnel = [\"network-pre.target\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"network-pre.target\" is reached before wgagent.service can start: waiting for wgagent would be an ordering cycle\n  hint: list the services that need the tunnel instead, e.g. \"docker.service\"")]
    [InlineData("[ordering]\nafter_tunnel = [\"sysinit.target\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"sysinit.target\" is reached before wgagent.service can start: waiting for wgagent would be an ordering cycle\n  hint: list the services that need the tunnel instead, e.g. \"docker.service\"")]
    [InlineData("[ordering]\nafter_tunnel = [\"basic.target\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"basic.target\" is reached before wgagent.service can start: waiting for wgagent would be an ordering cycle\n  hint: list the services that need the tunnel instead, e.g. \"docker.service\"")]
    [InlineData("[ordering]\nafter_tunnel = [\"network-online.target\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"network-online.target\" is reached before wgagent.service can start: waiting for wgagent would be an ordering cycle\n  hint: list the services that need the tunnel instead, e.g. \"docker.service\"")]
    [InlineData("[ordering]\nafter_tunnel = [\"wgagent-exporter-node.socket\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"wgagent-exporter-node.socket\" is an exporter socket wgagent generates: exporters are already ordered by their own drop-in\n  hint: remove it from ordering.after_tunnel")]
    [InlineData("[ordering]\nafter_tunnel = [\"container@.service\"]\n",
        "/etc/wgagent.toml:2:17: error: ordering.after_tunnel[0]: \"container@.service\" is a template: name an instance\n  hint: e.g. \"container@NAME.service\"")]
    [InlineData("[ordering]\nafter_tunel = [\"docker.service\"]\n",
        "/etc/wgagent.toml:2:1: error: ordering.after_tunel: unknown key \"after_tunel\" in [ordering]\n  hint: did you mean \"after_tunnel\"?")]
    [InlineData("[orderng]\nafter_tunnel = [\"docker.service\"]\n",
        "/etc/wgagent.toml:1:2: error: orderng: unknown key \"orderng\" at the top level\n  hint: did you mean \"ordering\"?")]
    [InlineData("ordering = [\"docker.service\"]\n",
        "/etc/wgagent.toml:1:12: error: ordering: expected a table, found an array")]
    public void Read_InvalidAfterTunnel_ReportsExactly(string toml, string expected)
    {
        Assert.Equal(expected, ConfigText.Single(toml));
    }

    [Fact]
    public void Read_ExporterUnitAfterTunnel_SaysTheExporterIsOrderedAlready()
    {
        var message = ConfigText.Single(NodeExporter + "[ordering]\nafter_tunnel = [\"docker.service\", \"prometheus-node-exporter.service\"]\n");

        Assert.Equal(
            "/etc/wgagent.toml:7:35: error: ordering.after_tunnel[1]: \"prometheus-node-exporter.service\" is the unit of exporter[0] (\"node\"): "
            + "exporters are already ordered by their own drop-in\n  hint: remove it from ordering.after_tunnel",
            message);
    }

    [Fact]
    public void Read_SeveralBadUnits_ReportsEachAndYieldsNoConfig()
    {
        var result = ConfigText.Read("[ordering]\nafter_tunnel = [\"wgagent.service\", \"docker\", \"docker.service\"]\n");

        Assert.False(result.Succeeded);
        Assert.Equal(["/etc/wgagent.toml:2:17:", "/etc/wgagent.toml:2:36:"], result.Diagnostics.Select(d => d.ToString()[..23]));
    }
}
