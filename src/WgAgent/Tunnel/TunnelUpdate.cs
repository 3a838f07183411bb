using System.Diagnostics;
using WgAgent.Core.Tunnel;

namespace WgAgent.Tunnel;

/// <summary>One published transition, with when the agent learned of it.</summary>
/// <param name="Change">The transition.</param>
/// <param name="ReceivedAt">When the datagram that caused it was received (<see cref="Stopwatch.GetTimestamp"/>).
/// The kernel attaches no timestamp to route netlink messages, so this is the earliest moment the agent can
/// know of the event.</param>
/// <param name="PublishedAt">When the new state became <see cref="TunnelWatcher.Current"/> (same clock).</param>
public sealed record TunnelUpdate(TunnelChange Change, long ReceivedAt, long PublishedAt)
{
    /// <summary>From receiving the kernel's message to publishing the state.</summary>
    public TimeSpan Latency => Stopwatch.GetElapsedTime(ReceivedAt, PublishedAt);

    /// <summary>The state after the transition.</summary>
    public TunnelState State => Change.Current;
}
