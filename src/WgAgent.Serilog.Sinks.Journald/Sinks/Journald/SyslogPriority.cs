using Serilog.Events;

namespace Serilog.Sinks.Journald;

/// <summary>Serilog levels as syslog priorities (PRIORITY=, and the "&lt;N&gt;" prefixes of sd-daemon(3)).</summary>
public static class SyslogPriority
{
    /// <summary>
    /// Verbose and Debug → 7 (debug), Information → 6 (info), Warning → 4 (warning), Error → 3 (err),
    /// Fatal → 2 (crit). Nothing maps to 5 (notice), 1 (alert) or 0 (emerg): Serilog has no such levels, and
    /// emerg is broadcast to every terminal by journald's wall forwarding.
    /// </summary>
    /// <param name="level">The Serilog level.</param>
    public static int FromLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => 7,
        LogEventLevel.Information => 6,
        LogEventLevel.Warning => 4,
        LogEventLevel.Error => 3,
        LogEventLevel.Fatal => 2,
        _ => 6,
    };
}
