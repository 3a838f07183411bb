using WgAgent.Lab.Guest;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab;

public sealed partial class Lab
{
    /// <summary>The guest's link and addresses, node as its router, and the router's way back to it.</summary>
    private async Task ConfigureGuestAsync(LabHost guest, CancellationToken cancellationToken)
    {
        await RunIpBatchAsync(guest, GuestTopology.Guest(Node.NamespaceName), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(
            RunIpBatchAsync(Node, GuestTopology.Node(), cancellationToken),
            RunBatchAsync(Node, ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"], null, cancellationToken),
            RunIpBatchAsync(Router, GuestTopology.Router(), cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets the guest reach monitor through node's tunnel: WireGuard only accepts from a peer the sources in its
    /// AllowedIPs (cryptokey routing, wg(8)), and monitor needs a route back into its wg0.
    /// </summary>
    private async Task RouteGuestThroughMonitorAsync(CancellationToken cancellationToken)
    {
        var nodePeer = MonitorTunnel.Peers.Single(p => p.PublicKey == NodeTunnel.Keys.PublicKey);
        await RunBatchAsync(Monitor,
            ["wg", "set", TunnelConfig.InterfaceName, "peer", nodePeer.PublicKey, "allowed-ips", GuestTopology.MonitorAllowedIps(nodePeer)],
            null, cancellationToken).ConfigureAwait(false);
        await RunIpBatchAsync(Monitor, GuestTopology.Monitor(), cancellationToken).ConfigureAwait(false);
    }
}
