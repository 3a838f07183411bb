using WgAgent.Core.Config;
using WgAgent.Core.Net;

namespace WgAgent.Core.Firewall;

/// <summary>The named sets: one per list (scrapers: one per exporter), declared only when the list has elements.</summary>
/// <remarks>
/// Each set has the cheapest kind that holds its elements, because the whole table is loaded and listed back on every
/// apply: with 10,000 elements, nft 1.0.6 on Linux 6.x loads and lists a plain hash set of addresses in about two
/// thirds of the time of an interval set (kernel rbtree inserts, and a dump that re-walks the tree per message), and
/// concatenated <c>addr . port</c> sets are the slowest kind, interval or not. So: no concatenations for lists that
/// grow with the config (a scraper is one element, however many ports it may open), and <c>flags interval</c> only
/// when a list holds a real network. The small fixed lists (endpoints, ports) are as the files give them.
/// </remarks>
public static partial class NftRuleset
{
    private static void WriteSets(NftWriter writer, KillswitchPolicy policy)
    {
        void Set(string name, string type, bool interval, IEnumerable<string> elements)
        {
            var list = elements.ToList();
            if (list.Count > 0)
            {
                writer.Set(name, type, interval, list);
            }
        }

        void Addresses(string name, string type, IReadOnlyList<IpNetwork> networks) =>
            Set(name, type, networks.Any(n => !n.IsSingleHost), networks.Select(NftSyntax.Network));

        var (v4, v6) = (policy.IPv4, policy.IPv6);
        Set(NftSets.TunnelAddressesV4, "ipv4_addr", false, v4.TunnelAddresses.Select(NftSyntax.Address));
        Set(NftSets.TunnelAddressesV6, "ipv6_addr", false, v6.TunnelAddresses.Select(NftSyntax.Address));
        Set(NftSets.ExporterPorts, "inet_service", false, policy.GuardedPorts.Select(p => NftSyntax.Number(p.Port)));
        foreach (var exporter in v4.Scrapers)
        {
            Addresses(NftSets.ExporterScrapersV4(exporter.Exporter), "ipv4_addr", exporter.Scrapers);
        }
        foreach (var exporter in v6.Scrapers)
        {
            Addresses(NftSets.ExporterScrapersV6(exporter.Exporter), "ipv6_addr", exporter.Scrapers);
        }
        Set(NftSets.AllowInboundTcp, "inet_service", true, Ports(policy, TransportProtocol.Tcp));
        Set(NftSets.AllowInboundUdp, "inet_service", true, Ports(policy, TransportProtocol.Udp));
        Set(NftSets.EndpointsV4, "ipv4_addr . inet_service", false, v4.Endpoints.Select(Endpoint));
        Set(NftSets.EndpointsV6, "ipv6_addr . inet_service", false, v6.Endpoints.Select(Endpoint));
        Set(NftSets.DnsV4, "ipv4_addr", false, v4.Dns.Select(NftSyntax.Address));
        Set(NftSets.DnsV6, "ipv6_addr", false, v6.Dns.Select(NftSyntax.Address));
        Addresses(NftSets.AllowLanV4, "ipv4_addr", v4.AllowLan);
        Addresses(NftSets.AllowLanV6, "ipv6_addr", v6.AllowLan);
    }

    private static IEnumerable<string> Ports(KillswitchPolicy policy, TransportProtocol protocol) =>
        policy.AllowInbound.Where(r => r.Protocol == protocol).Select(NftSyntax.Ports);

    /// <summary>The ports of one rule: <c>9100</c>, or an anonymous set <c>{ 9100, 9586 }</c> as nft lists it.</summary>
    private static string Ports(IReadOnlyList<int> ports) =>
        ports.Count == 1 ? NftSyntax.Number(ports[0]) : $"{{ {string.Join(", ", ports.Select(NftSyntax.Number))} }}";

    private static string Endpoint(Net.Endpoint endpoint) => $"{NftSyntax.Address(endpoint.Address!)} . {NftSyntax.Number(endpoint.Port)}";

    private static bool Has(KillswitchPolicy policy, TransportProtocol protocol) =>
        policy.AllowInbound.Any(r => r.Protocol == protocol);
}
