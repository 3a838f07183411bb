using WgAgent.Core.Net;

namespace WgAgent.Core.Tunnel;

/// <summary>
/// Follows one interface (<c>wireguard.interface</c>) through route netlink messages: absent → present → up →
/// present/absent → …, with its addresses. Pure and deterministic (no clock, no I/O, not thread-safe): the host
/// feeds it parsed messages and socket overruns and does what the returned <see cref="TunnelStep"/> says.
/// </summary>
/// <remarks>
/// <para>
/// The host subscribes to RTMGRP_LINK and RTMGRP_IPV4/IPV6_IFADDR first and then calls <see cref="Synchronize"/>,
/// which asks for a link dump, then an address dump (netlink allows one dump at a time per socket). Notifications
/// and dump parts share the socket's queue in the order the kernel produced them, and the kernel generates each
/// dump part when the reader makes room, so applying everything in queue order converges on the kernel's state.
/// A notification queued before the first part of a dump is older than that dump and is dropped; so a
/// synchronisation starts from nothing and cannot keep a phantom left over from before an overrun.
/// </para>
/// <para>
/// A synchronisation builds a fresh copy beside the current one and replaces it when the address dump ends, so
/// the published state never goes through a half-dumped moment. A dump flagged NLM_F_DUMP_INTR (the tables changed
/// under it) is repeated.
/// </para>
/// <para>An interface whose index changes (deleted and re-created, or another link renamed to the name) is reported
/// as two transitions, to absent and to the new link, as if the deletion had been seen.</para>
/// </remarks>
public sealed partial class TunnelStateMachine
{
    private const int NoBufferSpace = 105; // ENOBUFS on Linux (errno(3)), the same on x86-64 and AArch64

    private RouteMirror mirror = new();

    /// <summary>Watches <paramref name="interface"/>.</summary>
    /// <param name="interface">The interface name.</param>
    public TunnelStateMachine(InterfaceName @interface)
    {
        ArgumentNullException.ThrowIfNull(@interface);
        Current = TunnelState.Unknown(@interface);
    }

    /// <summary>The state as of the last input.</summary>
    public TunnelState Current { get; private set; }

    /// <summary>True between <see cref="Synchronize"/> (or an overrun) and the end of the address dump.</summary>
    public bool IsSynchronizing => phase != SyncPhase.Idle;

    /// <summary>Feeds one parsed message.</summary>
    /// <param name="message">From <see cref="RouteNetlinkParser"/>, in the order received.</param>
    /// <returns>What to do.</returns>
    public TunnelStep Handle(NetlinkEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case MalformedMessage:
                // The kernel does not send these; if one arrives, nothing after it in the datagram was read.
                return Overrun();
            case DumpDone done:
                return IsOurDump(done.Header) ? DumpEnded(done.Header, done.Errno) : TunnelStep.None;
            case NetlinkErrorReply { Errno: NoBufferSpace }:
                // The receive queue was full when the request arrived: the kernel answers ENOBUFS but keeps the dump
                // registered and produces it as the reader makes room (netlink_dump_start in net/netlink/af_netlink.c),
                // so the dump still ends with NLMSG_DONE. Lost notifications show up as a socket overrun of their own.
                return TunnelStep.None;
            case NetlinkErrorReply error:
                return IsOurRequest(error.Header) && error.Errno != 0 ? DumpEnded(error.Header, error.Errno) : TunnelStep.None;
            case LinkUpdated or LinkDeleted or AddressUpdated or AddressDeleted:
                return Apply(message);
            default:
                return TunnelStep.None;
        }
    }

    private TunnelStep Apply(NetlinkEvent message)
    {
        if (lastSequence == 0)
        {
            // Not started: without the dump a single notification says nothing about the rest.
            return TunnelStep.None;
        }

        if (phase == SyncPhase.Idle)
        {
            mirror.Apply(message);
            return Publish(mirror.Project(Current.Interface));
        }

        if (message.Header.IsMultipart)
        {
            // A part of the dump in flight goes into the new copy; a part of an abandoned one is stale.
            if (IsOurDump(message.Header))
            {
                dumpStarted = true;
                dumpInterrupted |= message.Header.DumpInterrupted;
                staging!.Apply(message);
            }

            return TunnelStep.None;
        }

        // A notification during a synchronisation counts once the dump of its kind has begun (see remarks).
        var isLink = message is LinkUpdated or LinkDeleted;
        var counts = isLink
            ? phase == SyncPhase.Addresses || dumpStarted
            : phase == SyncPhase.Addresses && dumpStarted;
        if (counts)
        {
            staging!.Apply(message);
        }

        return TunnelStep.None;
    }

    private TunnelStep Publish(TunnelState next)
    {
        var previous = Current;
        if (previous.Equals(next))
        {
            return TunnelStep.None;
        }

        Current = next;
        if (previous.Link is not null && next.Link is not null && previous.Link.Index != next.Link.Index)
        {
            var absent = TunnelState.Create(next.Interface, null, []);
            return new TunnelStep([new TunnelChange(previous, absent), new TunnelChange(absent, next)], null, null);
        }

        return new TunnelStep([new TunnelChange(previous, next)], null, null);
    }
}
