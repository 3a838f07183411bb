using WgAgent.Lab.Addressing;
using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>A lab with a guest behind node (a routed "container") and echo on monitor's tunnel addresses.</summary>
public sealed class ForwardTunnelFixture : KillswitchLabFixture
{
    public Hosts.LabHost Guest => Lab.Guest ?? throw new InvalidOperationException("the lab was built without a guest");

    protected override LabOptions CreateOptions() => new() { Guest = true };

    protected override Task PrepareAsync(Lab lab)
    {
        Listen(lab.Monitor, [LabAddresses.Monitor.RequiredTunnelV4, LabAddresses.Monitor.RequiredTunnelV6], LabPorts.Echo);
        return Task.CompletedTask;
    }
}
