namespace WgAgent.Tunnel;

/// <summary>The outcome of one receive on a route netlink socket.</summary>
/// <param name="Length">The bytes received (0 on overrun).</param>
/// <param name="Overrun">True when the kernel reported ENOBUFS: the receive queue was full and notifications were
/// dropped (netlink(7)), so whatever the reader knows may be stale.</param>
public readonly record struct NetlinkReceive(int Length, bool Overrun);
