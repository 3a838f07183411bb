namespace WgAgent.Core.Tunnel;

/// <summary>The interface flags of a link (<c>ifi_flags</c>, the IFF_* values of netdevice(7)) that wgagent looks at.</summary>
[Flags]
public enum LinkFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>IFF_UP: administratively up (<c>ip link set X up</c>).</summary>
    Up = 0x1,

    /// <summary>IFF_LOOPBACK.</summary>
    Loopback = 0x8,

    /// <summary>IFF_POINTOPOINT: wireguard and tun devices set it.</summary>
    PointToPoint = 0x10,

    /// <summary>IFF_RUNNING: operationally up (RFC 2863 "up" or "unknown"), as the kernel reports it.</summary>
    Running = 0x40,

    /// <summary>IFF_NOARP.</summary>
    NoArp = 0x80,

    /// <summary>IFF_LOWER_UP: the driver signals carrier.</summary>
    LowerUp = 0x10000,

    /// <summary>IFF_DORMANT.</summary>
    Dormant = 0x20000,
}
