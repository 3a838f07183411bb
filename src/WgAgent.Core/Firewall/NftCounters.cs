namespace WgAgent.Core.Firewall;

/// <summary>
/// The named counter objects of table <c>inet wgagent</c>, for status and metrics (<c>nft list counter inet wgagent
/// NAME</c>, or the table listing). Every rendered table, block-all included, declares all of them, so a reader can
/// rely on the names whatever the posture; a counter a posture never uses stays at zero.
/// </summary>
public static class NftCounters
{
    /// <summary>Inbound packets dropped by the posture: unsolicited with inbound = "restricted", and all inbound
    /// IPv6 with ipv6 = "block" (and everything but loopback in the block-all table).</summary>
    public const string DroppedInput = "dropped_input";

    /// <summary>Outbound packets refused (rejected, so applications fail fast rather than hang): everything outside
    /// the tunnel with egress = "tunnel", and all outbound IPv6 with ipv6 = "block".</summary>
    public const string RejectedOutput = "rejected_output";

    /// <summary>Outbound DNS (port 53) to a resolver not in <c>dns</c>, outside the tunnel: a would-be DNS leak.</summary>
    public const string RejectedDns = "rejected_dns";

    /// <summary>Forwarded packets dropped: with forward = "tunnel" those not leaving through the tunnel, and all
    /// forwarded IPv6 with ipv6 = "block".</summary>
    public const string DroppedForward = "dropped_forward";

    /// <summary>Connections to an exporter or metrics port from anyone but a scraper over the tunnel.</summary>
    public const string DroppedExporter = "dropped_exporter";

    /// <summary>Packets for the tunnel address that arrived on another interface (CVE-2019-14899).</summary>
    public const string DroppedSpoofed = "dropped_spoofed";

    /// <summary>Every counter, in the order the table declares them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [DroppedInput, RejectedOutput, RejectedDns, DroppedForward, DroppedExporter, DroppedSpoofed];
}
