using WgAgent.Core.Config;

namespace WgAgent.Core.Firewall;

/// <summary>The output chain: with egress = "tunnel", the kill switch proper.</summary>
public static partial class NftRuleset
{
    private static IEnumerable<string> OutputRules(KillswitchPolicy policy)
    {
        var wg = NftSyntax.Quote(policy.Tunnel.Value);
        yield return Comment("oifname \"lo\" accept", "loopback is always allowed");
        if (policy.Ipv6 == Ipv6Mode.Block)
        {
            // TCP gets a reset: an ICMP error makes an IPv6 connect() wait for the SYN's retransmission (about 1 s).
            yield return Comment($"meta nfproto ipv6 meta l4proto tcp counter name \"{NftCounters.RejectedOutput}\" reject with tcp reset",
                "ipv6 = block: all IPv6 but loopback");
            yield return Comment($"meta nfproto ipv6 counter name \"{NftCounters.RejectedOutput}\" reject with icmpx admin-prohibited",
                "ipv6 = block: all IPv6 but loopback");
        }

        if (policy.Egress == EgressMode.Open)
        {
            yield break; // policy accept.
        }

        // Matched by name, so the rule holds before the interface exists and after it is re-created.
        yield return Comment($"oifname {wg} accept", "egress = tunnel: anything through the tunnel");

        // WireGuard's own UDP as narrowly as the files allow: marked by the WireGuard socket, to a peer's ip:port.
        var mark = policy.FwMark is { } m and not 0 ? $"meta mark {NftSyntax.Mark(m)} " : "";
        if (policy.IPv4.Endpoints.Count > 0)
        {
            yield return Comment($"{mark}ip daddr . udp dport @{NftSets.EndpointsV4} accept", "WireGuard's own UDP to its peers");
        }
        if (policy.IPv6.Endpoints.Count > 0)
        {
            yield return Comment($"{mark}ip6 daddr . udp dport @{NftSets.EndpointsV6} accept", "WireGuard's own UDP to its peers");
        }

        // Replies to what the input chain accepted (SSH on eth0, WireGuard handshakes from roaming peers); never a
        // packet of a flow the host opened itself, whose direction is "original".
        yield return Comment("ct direction reply ct state established,related accept", "replies to accepted inbound flows");

        yield return Comment("udp sport 68 udp dport 67 accept", "DHCPv4");
        if (policy.Ipv6 == Ipv6Mode.Tunnel)
        {
            yield return Comment("udp sport 546 udp dport 547 accept", "DHCPv6");
            yield return Comment("icmpv6 type { nd-router-solicit, nd-neighbor-solicit, nd-neighbor-advert, mld2-listener-report } accept",
                "NDP keeps IPv6 links alive");
        }

        // DNS before allow_lan: port 53 goes only to the configured resolvers, even inside an allowed LAN.
        if (policy.IPv4.Dns.Count > 0)
        {
            yield return Comment($"ip daddr @{NftSets.DnsV4} meta l4proto {{ tcp, udp }} th dport 53 accept", "dns: the configured resolvers");
        }
        if (policy.IPv6.Dns.Count > 0)
        {
            yield return Comment($"ip6 daddr @{NftSets.DnsV6} meta l4proto {{ tcp, udp }} th dport 53 accept", "dns: the configured resolvers");
        }
        yield return Comment($"tcp dport 53 counter name \"{NftCounters.RejectedDns}\" reject with tcp reset",
            "no other DNS outside the tunnel, not even in allow_lan");
        yield return Comment($"udp dport 53 counter name \"{NftCounters.RejectedDns}\" reject with icmpx admin-prohibited",
            "no other DNS outside the tunnel, not even in allow_lan");

        if (policy.IPv4.AllowLan.Count > 0)
        {
            yield return Comment($"ip daddr @{NftSets.AllowLanV4} accept", "allow_lan");
        }
        if (policy.IPv6.AllowLan.Count > 0)
        {
            yield return Comment($"ip6 daddr @{NftSets.AllowLanV6} accept", "allow_lan");
        }

        // Rejected, not dropped: programs fail at once instead of hanging until a timeout.
        yield return Comment($"meta l4proto tcp counter name \"{NftCounters.RejectedOutput}\" reject with tcp reset", "egress = tunnel: nothing else");
        yield return Comment($"counter name \"{NftCounters.RejectedOutput}\" reject with icmpx admin-prohibited", "egress = tunnel: nothing else");
    }
}
