namespace WgAgent.Daemon.Bench.Reaction;

/// <summary>
/// One netlink message about the watched interface, as the observer received it, with the interface's state after it.
/// </summary>
/// <param name="AtNanoseconds">CLOCK_MONOTONIC right after recv(2) returned the message.</param>
/// <param name="What">The message, e.g. <c>NEWLINK wg0 #12 flags 0x10c1</c> or <c>NEWADDR #12 10.77.0.2/24</c>.</param>
/// <param name="Up">
/// The daemon's own condition after this message: the link administratively up and running (IFF_UP|IFF_RUNNING) with at
/// least one usable address (IPv4, or IPv6 neither tentative nor DAD-failed; not link-local).
/// </param>
/// <param name="UsableAddresses">The usable addresses after this message, as text.</param>
internal sealed record TunnelObservation(long AtNanoseconds, string What, bool Up, IReadOnlyList<string> UsableAddresses);
