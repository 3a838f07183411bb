using WgAgent.Lab.Hosts;

namespace WgAgent.Lab.WireGuard;

/// <summary><c>wg set</c> helpers that change a host's peers at run time.</summary>
public static class WireGuardPeerExtensions
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Removes <paramref name="peer"/> from the host's wg0 and adds it again as configured: the session keys are gone,
    /// its latest handshake reads "never", and the next packet to it needs a fresh handshake. The way to prove that a
    /// handshake works now (e.g. under a firewall applied after the first one).
    /// </summary>
    /// <returns>When the peer was removed, in whole seconds: any handshake wg reports at or after it is a new one.</returns>
    public static async Task<DateTimeOffset> ReAddPeerAsync(this LabHost host, WireGuardPeer peer, string interfaceName = TunnelConfig.InterfaceName)
    {
        // wg reports whole seconds; removing the peer wipes its session, so any handshake it reports later is new.
        var removed = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        (await host.RunAsync(["wg", "set", interfaceName, "peer", peer.PublicKey, "remove"], CommandTimeout).ConfigureAwait(false))
            .EnsureSuccess();
        (await host.RunAsync(
            ["wg", "set", interfaceName, "peer", peer.PublicKey, "allowed-ips", peer.AllowedIpsText, "endpoint", peer.Endpoint.ToString()],
            CommandTimeout).ConfigureAwait(false)).EnsureSuccess();
        return removed;
    }
}
