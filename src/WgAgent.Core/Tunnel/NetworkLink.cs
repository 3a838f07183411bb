namespace WgAgent.Core.Tunnel;

/// <summary>A network interface as an RTM_NEWLINK message describes it (rtnetlink(7)).</summary>
/// <param name="Index">The interface index; a deleted and re-created interface gets a new one.</param>
/// <param name="Name">IFLA_IFNAME.</param>
/// <param name="Flags">ifi_flags.</param>
/// <param name="Kind">IFLA_INFO_KIND inside IFLA_LINKINFO when present: <c>wireguard</c> for the kernel module,
/// <c>tun</c> for wireguard-go, <c>veth</c>, ... Informational only: which one a host uses is not wgagent's
/// business, so nothing decides on it.</param>
public sealed record NetworkLink(int Index, string Name, LinkFlags Flags, string? Kind)
{
    /// <summary>IFF_UP: administratively up.</summary>
    public bool IsAdministrativelyUp => (Flags & LinkFlags.Up) != 0;

    /// <summary>IFF_UP and IFF_RUNNING: up and operational, so packets can flow.</summary>
    public bool IsUp => (Flags & (LinkFlags.Up | LinkFlags.Running)) == (LinkFlags.Up | LinkFlags.Running);

    /// <summary>E.g. <c>wg0 (#7, tun, up)</c>.</summary>
    public override string ToString() =>
        $"{Name} (#{Index}{(Kind is null ? "" : ", " + Kind)}, {(IsUp ? "up" : IsAdministrativelyUp ? "up, not running" : "down")})";
}
