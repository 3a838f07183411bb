namespace WgAgent.Daemon.Bench.Reaction;

/// <summary>One journal entry between the tunnel event and READY, relative to the tunnel event.</summary>
/// <param name="OffsetMilliseconds">__MONOTONIC_TIMESTAMP minus the tunnel event (journald's receipt: an upper bound).</param>
/// <param name="Source">SYSLOG_IDENTIFIER (systemd, wgagent, wg-quick, ...).</param>
/// <param name="Message">MESSAGE.</param>
internal sealed record TimelineEntry(double OffsetMilliseconds, string Source, string Message);
