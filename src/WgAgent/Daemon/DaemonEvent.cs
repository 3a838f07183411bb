using WgAgent.Tunnel;

namespace WgAgent.Daemon;

/// <summary>One item on the daemon's queue: its loop handles them one at a time, so no two changes interleave.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Tunnel">For <see cref="DaemonEventKind.TunnelChanged"/>: the update; otherwise null.</param>
/// <param name="Generation">For <see cref="DaemonEventKind.WaitTimedOut"/>: which wait it ends (a reload may start another).</param>
/// <param name="Done">For <see cref="DaemonEventKind.ReloadRequested"/> from the API: completed once the reload was handled.</param>
public sealed record DaemonEvent(DaemonEventKind Kind, TunnelUpdate? Tunnel = null, int Generation = 0, TaskCompletionSource? Done = null);
