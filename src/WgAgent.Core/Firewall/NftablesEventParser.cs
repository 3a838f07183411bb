using System.Buffers.Binary;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Firewall;

/// <summary>
/// Turns a datagram read from a NETLINK_NETFILTER socket joined to NFNLGRP_NFTABLES (what <c>nft monitor</c>
/// reads) into typed events. Pure: bytes in, events out; never throws on any input.
/// </summary>
/// <remarks>
/// One datagram may hold many messages, each on a 4-byte boundary (netlink(7)); the kernel batches a transaction's
/// notifications and ends it with NFT_MSG_NEWGEN, possibly in a later datagram. Every message is a
/// <c>struct nlmsghdr</c>, a <c>struct nfgenmsg</c> (the family), then attributes, of which attribute 1 is the
/// table's name for every table-scoped type. Messages of other netfilter subsystems, netlink control messages and
/// nf_tables GET/TRACE types are skipped. A message that does not parse becomes
/// <see cref="NftablesEventKind.Malformed"/> and ends the datagram, since the lengths after it cannot be trusted.
/// </remarks>
public static class NftablesEventParser
{
    /// <summary>Parses one datagram.</summary>
    /// <param name="datagram">The bytes one recv(2) returned.</param>
    /// <returns>The events, in the order of the messages.</returns>
    public static IReadOnlyList<NftablesEvent> Parse(ReadOnlySpan<byte> datagram)
    {
        var events = new List<NftablesEvent>();
        Parse(datagram, events);
        return events;
    }

    /// <summary>Parses one datagram into a caller's list (the monitor reuses one).</summary>
    /// <param name="datagram">The bytes one recv(2) returned.</param>
    /// <param name="events">Receives the events, in the order of the messages.</param>
    public static void Parse(ReadOnlySpan<byte> datagram, ICollection<NftablesEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var offset = 0;
        while (datagram.Length - offset >= RtNetlink.HeaderLength)
        {
            var message = datagram[offset..];
            var length = NetlinkBytes.Read<uint>(message, 0);
            if (length < RtNetlink.HeaderLength || length > (uint)message.Length)
            {
                events.Add(NftablesEvent.Malformed(
                    $"message of {length} bytes at offset {offset} does not fit the {datagram.Length}-byte datagram"));
                return;
            }

            var parsed = ParseMessage(NetlinkBytes.Read<ushort>(message, 4), message[RtNetlink.HeaderLength..(int)length]);
            if (parsed is not null)
            {
                events.Add(parsed);
                if (parsed.Kind == NftablesEventKind.Malformed)
                {
                    return;
                }
            }

            offset += NetlinkBytes.Align((int)length);
        }

        if (offset < datagram.Length)
        {
            events.Add(NftablesEvent.Malformed(
                $"{datagram.Length - offset} bytes at offset {offset} are too short for a message header"));
        }
    }

    private static NftablesEvent? ParseMessage(ushort type, ReadOnlySpan<byte> body)
    {
        if (type >> 8 != NfTables.Subsystem)
        {
            return null;
        }

        var operation = (byte)type;
        var kind = Kind(operation);
        if (kind is null)
        {
            return null;
        }

        if (body.Length < NfTables.GenMessageLength)
        {
            return NftablesEvent.Malformed($"{Name(operation)}: a {body.Length}-byte body has no nfgenmsg");
        }

        var attributes = new NetlinkAttributeReader(body[NfTables.GenMessageLength..]);
        var parsed = kind == NftablesEventKind.NewGeneration
            ? ReadGeneration(ref attributes)
            : ReadTable(ref attributes, kind.Value, body[0]);
        return attributes.IsMalformed
            ? NftablesEvent.Malformed($"{Name(operation)}: an attribute's length runs past the message")
            : parsed with { MessageType = operation };
    }

    private static NftablesEvent ReadTable(ref NetlinkAttributeReader attributes, NftablesEventKind kind, byte family)
    {
        string? table = null;
        while (attributes.TryRead(out var type, out var payload))
        {
            if (type == NfTables.AttrTable)
            {
                table = NetlinkBytes.CString(payload);
                break;
            }
        }

        return new NftablesEvent(kind, family, table);
    }

    private static NftablesEvent ReadGeneration(ref NetlinkAttributeReader attributes)
    {
        uint? id = null;
        uint? pid = null;
        string? name = null;
        while (attributes.TryRead(out var type, out var payload))
        {
            // A payload of the wrong size is ignored rather than failing the message: the generation still ends the
            // transaction, and only these details would be lost.
            switch (type)
            {
                case NfTables.AttrGenId when payload.Length == sizeof(uint):
                    id = BinaryPrimitives.ReadUInt32BigEndian(payload);
                    break;
                case NfTables.AttrGenProcessId when payload.Length == sizeof(uint):
                    pid = BinaryPrimitives.ReadUInt32BigEndian(payload);
                    break;
                case NfTables.AttrGenProcessName:
                    name = NetlinkBytes.CString(payload);
                    break;
            }
        }

        return new NftablesEvent(NftablesEventKind.NewGeneration, 0, null) { Generation = id, ProcessId = pid, ProcessName = name };
    }

    // Null for the types that are not changes: GET* requests and their dumps (never multicast, but harmless to skip),
    // GETOBJ_RESET/GETRULE_RESET/GETSETELEM_RESET, which reset counters without a transaction, and TRACE.
    private static NftablesEventKind? Kind(byte operation) => operation switch
    {
        NfTables.NewTable => NftablesEventKind.NewTable,
        NfTables.DelTable or NfTables.DestroyTable => NftablesEventKind.DeleteTable,
        NfTables.NewChain => NftablesEventKind.NewChain,
        NfTables.DelChain or NfTables.DestroyChain => NftablesEventKind.DeleteChain,
        NfTables.NewRule => NftablesEventKind.NewRule,
        NfTables.DelRule or NfTables.DestroyRule => NftablesEventKind.DeleteRule,
        NfTables.NewSet => NftablesEventKind.NewSet,
        NfTables.DelSet or NfTables.DestroySet => NftablesEventKind.DeleteSet,
        NfTables.NewSetElem => NftablesEventKind.NewSetElement,
        NfTables.DelSetElem or NfTables.DestroySetElem => NftablesEventKind.DeleteSetElement,
        NfTables.NewObj => NftablesEventKind.NewObject,
        NfTables.DelObj or NfTables.DestroyObj => NftablesEventKind.DeleteObject,
        NfTables.NewFlowtable => NftablesEventKind.NewFlowtable,
        NfTables.DelFlowtable or NfTables.DestroyFlowtable => NftablesEventKind.DeleteFlowtable,
        NfTables.NewGen => NftablesEventKind.NewGeneration,
        <= NfTables.GetSetElemReset => null,
        _ => NftablesEventKind.Other,
    };

    private static string Name(byte operation) => $"nf_tables message type {operation}";
}
