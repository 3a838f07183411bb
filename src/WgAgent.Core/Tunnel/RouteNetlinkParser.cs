namespace WgAgent.Core.Tunnel;

/// <summary>
/// Turns a datagram read from a NETLINK_ROUTE socket into typed events: links (RTM_NEWLINK, RTM_DELLINK), addresses
/// (RTM_NEWADDR, RTM_DELADDR) and the control messages that end dumps (NLMSG_DONE, NLMSG_ERROR). Pure: bytes in,
/// events out.
/// </summary>
/// <remarks>
/// One datagram may hold many messages, each starting on a 4-byte boundary (netlink(7), NLMSG_NEXT); a dump reply
/// is spread over several datagrams and ends with NLMSG_DONE. Messages of other types (NLMSG_NOOP, and anything the
/// socket is not subscribed to) are skipped. A message that does not parse becomes a <see cref="MalformedMessage"/>
/// and ends the datagram, since the lengths after it cannot be trusted.
/// </remarks>
public static partial class RouteNetlinkParser
{
    /// <summary>Parses one datagram.</summary>
    /// <param name="datagram">The bytes one recv(2) returned.</param>
    /// <returns>The events, in the order of the messages.</returns>
    public static IReadOnlyList<NetlinkEvent> Parse(ReadOnlySpan<byte> datagram)
    {
        var events = new List<NetlinkEvent>();
        Parse(datagram, events);
        return events;
    }

    /// <summary>Parses one datagram into a caller's list (the watcher reuses one).</summary>
    /// <param name="datagram">The bytes one recv(2) returned.</param>
    /// <param name="events">Receives the events, in the order of the messages.</param>
    public static void Parse(ReadOnlySpan<byte> datagram, ICollection<NetlinkEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var offset = 0;
        while (datagram.Length - offset >= RtNetlink.HeaderLength)
        {
            var message = datagram[offset..];
            var length = NetlinkBytes.Read<uint>(message, 0);
            var header = new NetlinkHeader(
                NetlinkBytes.Read<ushort>(message, 4),
                NetlinkBytes.Read<ushort>(message, 6),
                NetlinkBytes.Read<uint>(message, 8),
                NetlinkBytes.Read<uint>(message, 12));
            if (length < RtNetlink.HeaderLength || length > (uint)message.Length)
            {
                events.Add(new MalformedMessage(header,
                    $"message of {length} bytes at offset {offset} does not fit the {datagram.Length}-byte datagram"));
                return;
            }

            var parsed = ParseMessage(header, message[RtNetlink.HeaderLength..(int)length]);
            if (parsed is not null)
            {
                events.Add(parsed);
                if (parsed is MalformedMessage)
                {
                    return;
                }
            }

            offset += NetlinkBytes.Align((int)length);
        }

        if (offset < datagram.Length)
        {
            events.Add(new MalformedMessage(default,
                $"{datagram.Length - offset} bytes at offset {offset} are too short for a message header"));
        }
    }

    private static NetlinkEvent? ParseMessage(NetlinkHeader header, ReadOnlySpan<byte> body) => header.Type switch
    {
        RtNetlink.NewLink or RtNetlink.DelLink => ParseLink(header, body),
        RtNetlink.NewAddr or RtNetlink.DelAddr => ParseAddress(header, body),
        RtNetlink.Done => new DumpDone(header, ErrorCode(body)),
        RtNetlink.Error => body.Length < sizeof(int)
            ? new MalformedMessage(header, $"NLMSG_ERROR with a {body.Length}-byte body has no error code")
            : new NetlinkErrorReply(header, ErrorCode(body)),
        _ => null,
    };

    // NLMSG_ERROR and NLMSG_DONE carry a negative errno (or 0) as their first int; NLMSG_DONE may carry nothing.
    private static int ErrorCode(ReadOnlySpan<byte> body) =>
        body.Length < sizeof(int) ? 0 : -NetlinkBytes.Read<int>(body, 0);

    private static MalformedMessage Malformed(NetlinkHeader header, string what) =>
        new(header, $"{TypeName(header.Type)}: {what}");

    private static string TypeName(ushort type) => type switch
    {
        RtNetlink.NewLink => "RTM_NEWLINK",
        RtNetlink.DelLink => "RTM_DELLINK",
        RtNetlink.NewAddr => "RTM_NEWADDR",
        RtNetlink.DelAddr => "RTM_DELADDR",
        _ => $"message type {type}",
    };
}
