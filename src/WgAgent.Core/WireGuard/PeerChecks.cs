using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>Checks that look at all peers together.</summary>
internal static class PeerChecks
{
    /// <summary>Reports a public key used twice and an allowed IP given to two peers.</summary>
    public static void Run(IReadOnlyList<PeerBuilder> peers, DiagnosticBag bag)
    {
        var keys = new Dictionary<WireGuardKey, PeerBuilder>();
        foreach (var peer in peers)
        {
            var (key, position) = peer.PublicKey;
            if (key is null)
            {
                continue;
            }
            if (keys.TryGetValue(key, out var first))
            {
                // The kernel knows one peer per key: the second section silently updates the first.
                bag.Error(position, $"{peer.Path}.PublicKey", $"the same key as {first.Path} (line {first.Header.Line})");
                continue;
            }
            keys[key] = peer;
        }

        var owners = new Dictionary<IpNetwork, PeerBuilder>();
        foreach (var peer in peers)
        {
            foreach (var (network, position) in peer.AllowedIPs)
            {
                if (owners.TryGetValue(network, out var owner) && owner != peer)
                {
                    // Allowed IPs route to exactly one peer; the kernel moves the range to the last peer given it.
                    bag.Warning(position, $"{peer.Path}.AllowedIPs",
                        $"{network} is also allowed for {owner.Path} (line {owner.Header.Line}); only this peer will get it");
                }
                owners[network] = peer;
            }
        }
    }
}
