using WgAgent.Lab.Addressing;
using WgAgent.Lab.Prometheus;

namespace WgAgent.Lab.Tests.SharedLab;

[Collection(LabCollection.Name)]
[Trait("lab", "level-1")]
public sealed class PrometheusTests(LabFixture fixture)
{
    private static readonly string NodeInstance = $"{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}";

    [Fact]
    public async Task Query_UpOfNodeTarget_IsOneOverTheTunnel()
    {
        var prometheus = fixture.Lab.Prometheus;
        await prometheus.WaitForTargetUpAsync(TimeSpan.FromSeconds(20));

        var up = await prometheus.QueryAsync($"up{{job=\"{PrometheusServer.NodeJob}\"}}");

        var sample = Assert.Single(up);
        Assert.Equal(NodeInstance, sample.Label("instance"));
        Assert.Equal(1, sample.Value);
    }

    [Fact]
    public async Task Query_NodeMetrics_ComeFromTheNodesExporter()
    {
        var prometheus = fixture.Lab.Prometheus;
        await prometheus.WaitForTargetUpAsync(TimeSpan.FromSeconds(20));

        // The node's own wg0 shows up in its netdev metrics: the scrape reached the node, not something else.
        var wg0 = await prometheus.QueryAsync($"node_network_up{{instance=\"{NodeInstance}\",device=\"wg0\"}}");

        Assert.Single(wg0);
    }

    [Fact]
    public async Task Targets_Node_ScrapeUrlIsTheTunnelAddressAndHealthy()
    {
        var prometheus = fixture.Lab.Prometheus;
        await prometheus.WaitForTargetUpAsync(TimeSpan.FromSeconds(20));

        var targets = await prometheus.TargetsAsync();

        var node = Assert.Single(targets, t => t.Job == PrometheusServer.NodeJob);
        Assert.Equal($"http://{NodeInstance}/metrics", node.ScrapeUrl);
        Assert.Equal("up", node.Health);
        Assert.Equal("", node.LastError);
    }
}
