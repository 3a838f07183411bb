namespace WgAgent.Core.Tunnel;

/// <summary>What the host has to do after feeding the state machine one input.</summary>
/// <param name="Changes">Transitions of the watched interface, in order (usually none or one; a link that was
/// replaced under the same name gives two: to absent, then to the new link).</param>
/// <param name="Request">A dump request to send now, or null.</param>
/// <param name="Failure">When not null, the synchronisation failed (the kernel refused a dump, or dumps kept being
/// interrupted): the socket should be reopened and <see cref="TunnelStateMachine.Synchronize"/> called again.</param>
public sealed record TunnelStep(IReadOnlyList<TunnelChange> Changes, DumpRequest? Request, string? Failure)
{
    /// <summary>Nothing to do.</summary>
    public static TunnelStep None { get; } = new([], null, null);
}
