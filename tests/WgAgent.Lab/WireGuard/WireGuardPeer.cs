using System.Net;

namespace WgAgent.Lab.WireGuard;

/// <summary>A peer as one side of a tunnel configures it.</summary>
/// <param name="Name">The peer's role name (monitor, stranger, node), for comments and messages.</param>
/// <param name="PublicKey">The peer's base64 public key.</param>
/// <param name="Endpoint">Where its WireGuard UDP listens.</param>
/// <param name="AllowedIps">What may come from / go to it through the tunnel (CIDRs).</param>
public sealed record WireGuardPeer(string Name, string PublicKey, IPEndPoint Endpoint, IReadOnlyList<IPNetwork> AllowedIps)
{
    /// <summary>AllowedIPs as wg and wg-quick write them: comma-separated CIDRs.</summary>
    public string AllowedIpsText => string.Join(",", AllowedIps.Select(n => n.ToString()));
}
