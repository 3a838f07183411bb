namespace WgAgent.Core.Tunnel;

/// <summary>A message that does not parse: a length that runs past the datagram, a body shorter than its fixed part,
/// a broken attribute. The rest of the datagram cannot be trusted either, so parsing stops here.</summary>
/// <param name="Header">The header as far as it was read (default when even that was short).</param>
/// <param name="Reason">What is wrong, e.g. <c>message of 40 bytes at offset 16 runs past the 48-byte datagram</c>.</param>
public sealed record MalformedMessage(NetlinkHeader Header, string Reason) : NetlinkEvent(Header);
