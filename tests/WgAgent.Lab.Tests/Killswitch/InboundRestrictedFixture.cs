using WgAgent.Lab.Addressing;
using WgAgent.Lab.Echo;
using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>A lab with echo (TCP and UDP) on node's LAN addresses at the SSH port (allowed inbound) and another port
/// (not allowed), so both answer without the table.</summary>
public sealed class InboundRestrictedFixture : KillswitchLabFixture
{
    public EchoServer NodeListeners { get; private set; } = null!;

    protected override Task PrepareAsync(Lab lab)
    {
        NodeListeners = Listen(lab.Node, [LabAddresses.Node.V4, LabAddresses.Node.V6], LabPorts.Ssh, LabPorts.OtherService);
        return Task.CompletedTask;
    }
}
