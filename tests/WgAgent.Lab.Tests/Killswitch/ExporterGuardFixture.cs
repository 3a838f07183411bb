using WgAgent.Lab.Addressing;
using WgAgent.Lab.Echo;
using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// A lab with listeners on every other address × guarded port of node: node_exporter holds the tunnel addresses on
/// its port, so echo listens on the LAN addresses there, and on all four addresses on wgagent's metrics port. Without
/// the table they all answer anyone, so "blocked" later is the firewall's doing.
/// </summary>
public sealed class ExporterGuardFixture : KillswitchLabFixture
{
    public EchoServer LanListeners { get; private set; } = null!;

    public EchoServer MetricsTunnelListener { get; private set; } = null!;

    protected override Task PrepareAsync(Lab lab)
    {
        var node = LabAddresses.Node;
        LanListeners = Listen(lab.Node, [node.V4, node.V6], LabPorts.NodeExporter, LabPorts.AgentMetrics);
        MetricsTunnelListener = Listen(lab.Node, [node.RequiredTunnelV4, node.RequiredTunnelV6], LabPorts.AgentMetrics);
        return Task.CompletedTask;
    }
}
