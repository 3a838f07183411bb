using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>A lab with echo on node's loopback addresses and on monitor's tunnel addresses.</summary>
public sealed class KillswitchCommandFixture : KillswitchLabFixture
{
    protected override Task PrepareAsync(Lab lab)
    {
        Listen(lab.Node, [IPAddress.Loopback, IPAddress.IPv6Loopback], LabPorts.Echo);
        Listen(lab.Monitor, [LabAddresses.Monitor.RequiredTunnelV4, LabAddresses.Monitor.RequiredTunnelV6], LabPorts.Echo);
        return Task.CompletedTask;
    }
}
