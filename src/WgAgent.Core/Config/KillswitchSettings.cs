using System.Net;
using WgAgent.Core.Net;

namespace WgAgent.Core.Config;

/// <summary>The <c>[killswitch]</c> section: the posture the nftables table enforces.</summary>
/// <param name="Egress">What may leave the host.</param>
/// <param name="Inbound">What may reach the host unsolicited.</param>
/// <param name="AllowInbound">With <see cref="InboundMode.Restricted"/>: what stays reachable on every interface.</param>
/// <param name="AllowLan">With <see cref="EgressMode.Tunnel"/>: networks reachable outside the tunnel.</param>
/// <param name="Dns">With <see cref="EgressMode.Tunnel"/>: resolvers allowed on port 53 outside the tunnel.</param>
/// <param name="Forward">Where forwarded traffic may go.</param>
/// <param name="Ipv6">How IPv6 is treated.</param>
public sealed record KillswitchSettings(
    EgressMode Egress,
    InboundMode Inbound,
    IReadOnlyList<PortRule> AllowInbound,
    IReadOnlyList<IpNetwork> AllowLan,
    IReadOnlyList<IPAddress> Dns,
    ForwardMode Forward,
    Ipv6Mode Ipv6);
