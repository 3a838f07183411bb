using System.Globalization;
using WgAgent.Core.Config;
using WgAgent.Core.Net;

namespace WgAgent.Core.Firewall;

/// <summary>
/// Everything the <c>inet wgagent</c> table needs, typed and already normalized: addresses split by family,
/// IPv4-mapped IPv6 addresses turned into IPv4, duplicates and networks inside other networks removed, every list
/// sorted. Immutable; built from the two config files by <see cref="KillswitchPolicyBuilder"/> and rendered by
/// <see cref="NftRuleset.RenderTable"/>. The lists are compared by reference (records do not compare lists by
/// value): to ask "is this the same policy", compare the rendered text.
/// </summary>
public sealed record KillswitchPolicy
{
    /// <summary>The WireGuard interface, matched by name (<c>iifname</c>/<c>oifname</c>) so the rules load before
    /// it exists and survive its re-creation.</summary>
    public required InterfaceName Tunnel { get; init; }

    /// <summary>What may leave the host.</summary>
    public required EgressMode Egress { get; init; }

    /// <summary>What may reach the host unsolicited.</summary>
    public required InboundMode Inbound { get; init; }

    /// <summary>Where forwarded traffic may go.</summary>
    public required ForwardMode Forward { get; init; }

    /// <summary>How IPv6 is treated. With <see cref="Ipv6Mode.Block"/>, <see cref="IPv6"/> is empty: nothing of
    /// it would ever be reached.</summary>
    public required Ipv6Mode Ipv6 { get; init; }

    /// <summary>The mark WireGuard puts on its own UDP (wg0.conf <c>FwMark</c>, or wg-quick's default); null when
    /// packets carry none.</summary>
    public uint? FwMark { get; init; }

    /// <summary>The UDP port WireGuard listens on; null when the kernel picks one.</summary>
    public int? ListenPort { get; init; }

    /// <summary>With <see cref="InboundMode.Restricted"/>: the ports reachable on every interface, sorted by
    /// protocol then port, overlapping and adjacent ranges merged. Empty otherwise.</summary>
    public IReadOnlyList<PortRule> AllowInbound { get; init; } = [];

    /// <summary>The TCP ports reachable only over the tunnel from their scrapers (the exporters and wgagent's own
    /// metrics port), sorted by port.</summary>
    public IReadOnlyList<GuardedPort> GuardedPorts { get; init; } = [];

    /// <summary>The IPv4 addresses and networks the table matches.</summary>
    public FamilyAddresses IPv4 { get; init; } = FamilyAddresses.Empty;

    /// <summary>The IPv6 addresses and networks the table matches.</summary>
    public FamilyAddresses IPv6 { get; init; } = FamilyAddresses.Empty;

    /// <summary>One line for the log: the posture and how many entries each list has.</summary>
    public override string ToString()
    {
        static int Both(FamilyAddresses v4, FamilyAddresses v6, Func<FamilyAddresses, int> count) => count(v4) + count(v6);
        var mark = FwMark is { } m ? NftSyntax.Mark(m) : "none";
        return string.Create(CultureInfo.InvariantCulture,
            $"egress={AgentConfig.Name(Egress)} inbound={AgentConfig.Name(Inbound)} forward={AgentConfig.Name(Forward)} " +
            $"ipv6={AgentConfig.Name(Ipv6)} via {Tunnel} (fwmark {mark}, listen port {ListenPort?.ToString(CultureInfo.InvariantCulture) ?? "random"}); " +
            $"{Both(IPv4, IPv6, f => f.TunnelAddresses.Count)} tunnel addresses, {Both(IPv4, IPv6, f => f.Endpoints.Count)} endpoints, " +
            $"{Both(IPv4, IPv6, f => f.AllowLan.Count)} LAN networks, {Both(IPv4, IPv6, f => f.Dns.Count)} resolvers, " +
            $"{AllowInbound.Count} inbound port rules, {GuardedPorts.Count} guarded ports, " +
            $"{Both(IPv4, IPv6, f => f.Scrapers.Sum(e => e.Scrapers.Count))} scraper entries");
    }
}
