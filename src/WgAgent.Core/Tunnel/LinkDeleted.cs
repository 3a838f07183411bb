namespace WgAgent.Core.Tunnel;

/// <summary>RTM_DELLINK: a link was removed (its index is not reused for the new one when it is re-created).</summary>
/// <param name="Header">The message header.</param>
/// <param name="Link">The link as it was.</param>
public sealed record LinkDeleted(NetlinkHeader Header, NetworkLink Link) : NetlinkEvent(Header);
