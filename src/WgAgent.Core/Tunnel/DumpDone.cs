namespace WgAgent.Core.Tunnel;

/// <summary>NLMSG_DONE: the end of a multipart reply (netlink(7)).</summary>
/// <param name="Header">The message header; its sequence number names the dump.</param>
/// <param name="Errno">The error the dump ended with (the kernel puts a negative errno in the payload), 0 when it
/// completed.</param>
public sealed record DumpDone(NetlinkHeader Header, int Errno) : NetlinkEvent(Header);
