using WgAgent.Lab.Addressing;
using WgAgent.Lab.Echo;
using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// A lab where lan routes node's tunnel addresses to node's LAN address (what an attacker next to the host does,
/// CVE-2019-14899) and echo listens on node's tunnel addresses.
/// </summary>
public sealed class AntiSpoofingFixture : KillswitchLabFixture
{
    public EchoServer TunnelListener { get; private set; } = null!;

    protected override async Task PrepareAsync(Lab lab)
    {
        var node = LabAddresses.Node;
        TunnelListener = Listen(lab.Node, [node.RequiredTunnelV4, node.RequiredTunnelV6], LabPorts.Echo);
        (await lab.Lan.RunAsync(["ip", "-batch", "-"], TimeSpan.FromSeconds(10),
            $"route add {node.RequiredTunnelV4}/32 via {node.V4}\nroute add {node.RequiredTunnelV6}/128 via {node.V6}\n")).EnsureSuccess();
    }
}
