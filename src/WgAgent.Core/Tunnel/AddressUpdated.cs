namespace WgAgent.Core.Tunnel;

/// <summary>RTM_NEWADDR: an address was added or changed (e.g. an IPv6 address finished DAD and lost its tentative
/// flag), or an address dump lists it.</summary>
/// <param name="Header">The message header.</param>
/// <param name="InterfaceIndex">ifa_index: the link it is on.</param>
/// <param name="Address">The address as it is now.</param>
public sealed record AddressUpdated(NetlinkHeader Header, int InterfaceIndex, InterfaceAddress Address) : NetlinkEvent(Header);
