using System.Net;
using WgAgent.Core.Net;

namespace WgAgent.Core.Firewall;

/// <summary>
/// The addresses of one family (IPv4 or IPv6) that the table matches, each list sorted and free of duplicates.
/// Each non-empty list becomes one nft set (scrapers: one per exporter), so matching is one lookup however long the
/// list is.
/// </summary>
public sealed record FamilyAddresses
{
    /// <summary>No addresses at all.</summary>
    public static FamilyAddresses Empty { get; } = new();

    /// <summary>The host's own tunnel addresses (wg0.conf <c>Address</c>, host part), for the anti-spoofing rule.</summary>
    public IReadOnlyList<IPAddress> TunnelAddresses { get; init; } = [];

    /// <summary>Peer endpoints given as literal addresses: where WireGuard's own UDP may go outside the tunnel.
    /// Endpoints given as host names are left out (the kill switch cannot resolve them).</summary>
    public IReadOnlyList<Endpoint> Endpoints { get; init; } = [];

    /// <summary>With egress = "tunnel": networks reachable outside the tunnel, none inside another.</summary>
    public IReadOnlyList<IpNetwork> AllowLan { get; init; } = [];

    /// <summary>With egress = "tunnel": resolvers reachable on port 53 outside the tunnel.</summary>
    public IReadOnlyList<IPAddress> Dns { get; init; } = [];

    /// <summary>Per exporter that has scrapers of this family, sorted by the exporter's port: who may reach it over the
    /// tunnel.</summary>
    public IReadOnlyList<ExporterScrapers> Scrapers { get; init; } = [];

    /// <summary>True when every list is empty.</summary>
    public bool IsEmpty => TunnelAddresses.Count == 0 && Endpoints.Count == 0 && AllowLan.Count == 0 && Dns.Count == 0
        && Scrapers.Count == 0;
}
