namespace WgAgent.Core.Tunnel;

/// <summary>One netlink message that wgagent understood, parsed out of a datagram by <see cref="RouteNetlinkParser"/>.</summary>
/// <param name="Header">The message's header: tells a dump part from a notification.</param>
public abstract record NetlinkEvent(NetlinkHeader Header);
