using WgAgent.Core.Config;

namespace WgAgent.Core.Firewall;

/// <summary>The input chain. Its order is the security argument; each step says why it stands where it does.</summary>
public static partial class NftRuleset
{
    private static IEnumerable<string> InputRules(KillswitchPolicy policy)
    {
        var wg = NftSyntax.Quote(policy.Tunnel.Value);

        // 1. Loopback first: local programs talk to each other (and to the exporters) whatever the posture.
        yield return Comment("iifname \"lo\" accept", "loopback is always allowed");

        // 2. ipv6 = "block" before anything that could accept IPv6.
        if (policy.Ipv6 == Ipv6Mode.Block)
        {
            yield return Comment($"meta nfproto ipv6 counter name \"{NftCounters.DroppedInput}\" drop", "ipv6 = block: all IPv6 but loopback");
        }

        // 3. Anti-spoofing before any accept, the conntrack ones included: CVE-2019-14899 injects into flows that
        //    already exist, by sending packets for the tunnel address to another interface of the host.
        if (policy.IPv4.TunnelAddresses.Count > 0)
        {
            yield return Comment($"iifname != {wg} ip daddr @{NftSets.TunnelAddressesV4} counter name \"{NftCounters.DroppedSpoofed}\" drop",
                "CVE-2019-14899: the tunnel address only via the tunnel");
        }
        if (policy.IPv6.TunnelAddresses.Count > 0)
        {
            yield return Comment($"iifname != {wg} ip6 daddr @{NftSets.TunnelAddressesV6} counter name \"{NftCounters.DroppedSpoofed}\" drop",
                "CVE-2019-14899: the tunnel address only via the tunnel");
        }

        // 4. Exporter ports before the posture's accepts (allow_inbound could name the same port): scrapers over the
        //    tunnel only, every other packet for the port dropped — by port, so on every address of the host.
        if (policy.GuardedPorts.Count > 0)
        {
            // One rule per exporter and family: its scrapers may open its port and the metrics port.
            foreach (var exporter in policy.IPv4.Scrapers)
            {
                yield return Comment($"iifname {wg} ip saddr @{NftSets.ExporterScrapersV4(exporter.Exporter)} tcp dport {Ports(exporter.Ports)} accept",
                    $"exporter {exporter.Exporter}: its scrapers over the tunnel");
            }
            foreach (var exporter in policy.IPv6.Scrapers)
            {
                yield return Comment($"iifname {wg} ip6 saddr @{NftSets.ExporterScrapersV6(exporter.Exporter)} tcp dport {Ports(exporter.Ports)} accept",
                    $"exporter {exporter.Exporter}: its scrapers over the tunnel");
            }
            yield return Comment($"tcp dport @{NftSets.ExporterPorts} counter name \"{NftCounters.DroppedExporter}\" drop",
                "exporters: nobody else, on any address or interface");
        }

        if (policy.Inbound == InboundMode.Open)
        {
            yield break; // policy accept: the rest is open.
        }

        foreach (var rule in RestrictedInputRules(policy))
        {
            yield return rule;
        }
    }

    private static IEnumerable<string> RestrictedInputRules(KillswitchPolicy policy)
    {
        // Replies by state, but only replies: a flow someone opened to this host is judged packet by packet below, so
        // narrowing the posture cuts it at once (no conntrack flush needed).
        yield return Comment("ct state related accept", "ICMP errors about accepted flows (path MTU)");
        yield return Comment("ct direction reply ct state established accept", "replies to flows the host opened");

        // What keeps the links up: NDP (with MLD queries, or snooping switches stop forwarding to us) and DHCP.
        if (policy.Ipv6 == Ipv6Mode.Tunnel)
        {
            yield return Comment("icmpv6 type { mld-listener-query, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept",
                "NDP keeps IPv6 links alive");
        }
        yield return Comment("udp sport 67 udp dport 68 accept", "DHCPv4 replies");
        if (policy.Ipv6 == Ipv6Mode.Tunnel)
        {
            yield return Comment("udp sport 547 udp dport 546 accept", "DHCPv6 replies");
        }

        if (policy.ListenPort is { } port)
        {
            yield return Comment($"udp dport {NftSyntax.Number(port)} accept", "WireGuard listen port");
        }
        if (Has(policy, TransportProtocol.Tcp))
        {
            yield return Comment($"tcp dport @{NftSets.AllowInboundTcp} accept", "allow_inbound, on every interface");
        }
        if (Has(policy, TransportProtocol.Udp))
        {
            yield return Comment($"udp dport @{NftSets.AllowInboundUdp} accept", "allow_inbound, on every interface");
        }

        yield return Comment($"counter name \"{NftCounters.DroppedInput}\" drop", "inbound = restricted: nothing else");
    }
}
