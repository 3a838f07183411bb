namespace WgAgent.Core.Tunnel;

/// <summary>RTM_DELADDR: an address was removed.</summary>
/// <param name="Header">The message header.</param>
/// <param name="InterfaceIndex">ifa_index: the link it was on.</param>
/// <param name="Address">The address as it was.</param>
public sealed record AddressDeleted(NetlinkHeader Header, int InterfaceIndex, InterfaceAddress Address) : NetlinkEvent(Header);
