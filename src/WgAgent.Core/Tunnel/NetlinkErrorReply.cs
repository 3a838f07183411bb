namespace WgAgent.Core.Tunnel;

/// <summary>NLMSG_ERROR: the kernel's answer to a request it could not carry out, or an acknowledgement when
/// <see cref="Errno"/> is 0 (netlink(7)).</summary>
/// <param name="Header">The message header; its sequence number names the request.</param>
/// <param name="Errno">The positive errno, e.g. 16 (EBUSY); 0 for an acknowledgement.</param>
public sealed record NetlinkErrorReply(NetlinkHeader Header, int Errno) : NetlinkEvent(Header);
