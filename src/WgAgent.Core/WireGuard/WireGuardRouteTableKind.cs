namespace WgAgent.Core.WireGuard;

/// <summary>What wg0.conf's <c>Table</c> says (wg-quick(8)).</summary>
public enum WireGuardRouteTableKind
{
    /// <summary><c>auto</c> or absent: routes go to the main table, or to a table numbered like the fwmark for a default route.</summary>
    Auto,

    /// <summary><c>off</c>: wg-quick adds no routes.</summary>
    Off,

    /// <summary>A numbered routing table.</summary>
    Number,

    /// <summary>A named routing table (from /etc/iproute2/rt_tables).</summary>
    Name,
}
