namespace WgAgent.Core.Firewall;

/// <summary>
/// The named sets of table <c>inet wgagent</c>. Lists of addresses and ports live in sets so a rule is one lookup
/// however many scrapers, LAN ranges or endpoints there are. A set is declared only when it has elements (and so
/// is the rule that uses it).
/// </summary>
public static class NftSets
{
    /// <summary>The host's tunnel addresses (<c>ipv4_addr</c>), for the anti-spoofing rule.</summary>
    public const string TunnelAddressesV4 = "tunnel_addresses_v4";

    /// <summary>The host's tunnel addresses (<c>ipv6_addr</c>).</summary>
    public const string TunnelAddressesV6 = "tunnel_addresses_v6";

    /// <summary>Peer endpoints, <c>ipv4_addr . inet_service</c>: where WireGuard's own UDP may go.</summary>
    public const string EndpointsV4 = "wireguard_endpoints_v4";

    /// <summary>Peer endpoints, <c>ipv6_addr . inet_service</c>.</summary>
    public const string EndpointsV6 = "wireguard_endpoints_v6";

    /// <summary>The <c>allow_lan</c> networks (<c>ipv4_addr</c>; intervals unless all are single hosts).</summary>
    public const string AllowLanV4 = "allow_lan_v4";

    /// <summary>The <c>allow_lan</c> networks (<c>ipv6_addr</c>; intervals unless all are single hosts).</summary>
    public const string AllowLanV6 = "allow_lan_v6";

    /// <summary>The <c>dns</c> resolvers (<c>ipv4_addr</c>).</summary>
    public const string DnsV4 = "dns_v4";

    /// <summary>The <c>dns</c> resolvers (<c>ipv6_addr</c>).</summary>
    public const string DnsV6 = "dns_v6";

    /// <summary>The guarded TCP ports: every exporter's and wgagent's metrics port (<c>inet_service</c>).</summary>
    public const string ExporterPorts = "exporter_ports";

    /// <summary>One exporter's IPv4 scrapers (<c>ipv4_addr</c>; intervals only when one is a network):
    /// <c>exporter_NAME_scrapers_v4</c>. The name is used as is — the config allows only <c>[a-z0-9_-]</c>, all valid
    /// in an nft identifier after the letter prefix — so the set reads as the exporter it guards, stays the same when
    /// exporters are reordered, and two exporters never share one (names are unique; the fixed prefix and suffix keep
    /// the mapping one-to-one and apart from every other set name).</summary>
    /// <param name="exporter">The exporter's name.</param>
    /// <returns>The set's name.</returns>
    public static string ExporterScrapersV4(string exporter) => $"exporter_{exporter}_scrapers_v4";

    /// <summary>One exporter's IPv6 scrapers (<c>ipv6_addr</c>): <c>exporter_NAME_scrapers_v6</c>, as
    /// <see cref="ExporterScrapersV4"/>.</summary>
    /// <param name="exporter">The exporter's name.</param>
    /// <returns>The set's name.</returns>
    public static string ExporterScrapersV6(string exporter) => $"exporter_{exporter}_scrapers_v6";

    /// <summary>With inbound = "restricted": the TCP ports of <c>allow_inbound</c> (intervals).</summary>
    public const string AllowInboundTcp = "allow_inbound_tcp";

    /// <summary>With inbound = "restricted": the UDP ports of <c>allow_inbound</c> (intervals).</summary>
    public const string AllowInboundUdp = "allow_inbound_udp";
}
