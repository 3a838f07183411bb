namespace WgAgent.Core.Tunnel;

public sealed partial class TunnelStateMachine
{
    /// <summary>How many interrupted synchronisations in a row are tolerated before giving up: the tables would have
    /// to change during every one of them, which a host's handful of links does not do.</summary>
    public const int MaxInterruptedSyncs = 8;

    private SyncPhase phase;
    private RouteMirror? staging;
    private DumpRequest? dump;
    private bool dumpStarted;
    private bool dumpInterrupted;
    private bool restartAfterDump;
    private int interruptedSyncs;
    private uint lastSequence;

    private enum SyncPhase
    {
        Idle,
        Links,
        Addresses,
    }

    /// <summary>Starts a full synchronisation: at start, and after reopening the socket. Anything in flight is
    /// forgotten (a new socket has no dump running).</summary>
    /// <returns>The link dump request to send.</returns>
    public TunnelStep Synchronize()
    {
        interruptedSyncs = 0;
        return BeginSync();
    }

    /// <summary>The socket reported ENOBUFS: notifications were lost, so the copy may be wrong. Dumps again, after
    /// the dump in flight (if any) has ended, since the kernel runs one dump at a time per socket.</summary>
    /// <returns>What to do.</returns>
    public TunnelStep Overrun()
    {
        if (phase != SyncPhase.Idle)
        {
            restartAfterDump = true;
            return TunnelStep.None;
        }

        interruptedSyncs = 0;
        return BeginSync();
    }

    private TunnelStep BeginSync()
    {
        staging = new RouteMirror();
        restartAfterDump = false;
        return NextDump(SyncPhase.Links, DumpKind.Links);
    }

    private TunnelStep NextDump(SyncPhase next, DumpKind kind)
    {
        phase = next;
        dumpStarted = false;
        dumpInterrupted = false;

        // Distinct numbers keep the parts of an abandoned dump apart from the current one's. Notifications carry other
        // processes' numbers, which is why a dump part is also recognised by NLM_F_MULTI.
        dump = new DumpRequest(kind, ++lastSequence);
        return new TunnelStep([], dump, null);
    }

    private bool IsOurDump(NetlinkHeader header) => IsOurRequest(header) && (header.IsMultipart || header.Type == RtNetlink.Done);

    private bool IsOurRequest(NetlinkHeader header) => phase != SyncPhase.Idle && header.Sequence == dump!.Sequence;

    private TunnelStep DumpEnded(NetlinkHeader header, int errno)
    {
        if (errno != 0)
        {
            var failed = dump!;
            phase = SyncPhase.Idle;
            staging = null;
            return new TunnelStep([], null,
                $"the kernel refused the {(failed.Kind == DumpKind.Links ? "link" : "address")} dump: errno {errno}");
        }

        if (restartAfterDump)
        {
            return BeginSync();
        }

        if (dumpInterrupted || header.DumpInterrupted)
        {
            if (++interruptedSyncs > MaxInterruptedSyncs)
            {
                phase = SyncPhase.Idle;
                staging = null;
                return new TunnelStep([], null, $"{MaxInterruptedSyncs} dumps in a row were interrupted by changes");
            }

            return BeginSync();
        }

        if (phase == SyncPhase.Links)
        {
            return NextDump(SyncPhase.Addresses, DumpKind.Addresses);
        }

        mirror = staging!;
        staging = null;
        phase = SyncPhase.Idle;
        interruptedSyncs = 0;
        return Publish(mirror.Project(Current.Interface));
    }
}
