using WgAgent.Lab.Addressing;
using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>A lab with echo on monitor's tunnel addresses (the allowed path) and on the router's LAN addresses (a LAN
/// host outside allow_lan, so its "blocked" means the firewall, not a closed port).</summary>
public sealed class EgressTunnelFixture : KillswitchLabFixture
{
    protected override Task PrepareAsync(Lab lab)
    {
        Listen(lab.Monitor, [LabAddresses.Monitor.RequiredTunnelV4, LabAddresses.Monitor.RequiredTunnelV6], LabPorts.Echo);
        Listen(lab.Router, [LabAddresses.RouterLan.V4, LabAddresses.RouterLan.V6], LabPorts.Echo);
        return Task.CompletedTask;
    }
}
