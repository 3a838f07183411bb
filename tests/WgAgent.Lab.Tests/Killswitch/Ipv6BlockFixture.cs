using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Tests.Killswitch.Support;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>A lab with echo on node's tunnel and loopback addresses and on monitor's tunnel addresses.</summary>
public sealed class Ipv6BlockFixture : KillswitchLabFixture
{
    protected override Task PrepareAsync(Lab lab)
    {
        Listen(lab.Node, [LabAddresses.Node.RequiredTunnelV4, LabAddresses.Node.RequiredTunnelV6, IPAddress.Loopback, IPAddress.IPv6Loopback], LabPorts.Echo);
        Listen(lab.Monitor, [LabAddresses.Monitor.RequiredTunnelV4, LabAddresses.Monitor.RequiredTunnelV6], LabPorts.Echo);
        return Task.CompletedTask;
    }
}
