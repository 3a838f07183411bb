namespace WgAgent.Core.Tunnel;

/// <summary>Where the watched interface is in its life.</summary>
public enum TunnelPhase
{
    /// <summary>The first dump has not completed: nothing is known yet (not even absence).</summary>
    Unknown,

    /// <summary>No link with the name exists (waiting for wg-quick, or it was deleted).</summary>
    Absent,

    /// <summary>The link exists but is not <see cref="Up"/>: administratively down, not running, or without a usable
    /// address (e.g. only a tentative IPv6 one).</summary>
    Present,

    /// <summary>The link is up and running (IFF_UP and IFF_RUNNING) and has at least one usable address
    /// (<see cref="InterfaceAddress.IsUsable"/>: IPv4, or IPv6 after DAD; link-local ones do not count).</summary>
    Up,
}
