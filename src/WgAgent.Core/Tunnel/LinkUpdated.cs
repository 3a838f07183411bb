namespace WgAgent.Core.Tunnel;

/// <summary>RTM_NEWLINK: a link was created or changed (flags, name, ...), or a link dump lists it.</summary>
/// <param name="Header">The message header.</param>
/// <param name="Link">The link as it is now.</param>
public sealed record LinkUpdated(NetlinkHeader Header, NetworkLink Link) : NetlinkEvent(Header);
