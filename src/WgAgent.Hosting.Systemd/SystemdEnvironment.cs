using System.Globalization;

namespace WgAgent.Hosting.Systemd;

/// <summary>
/// What the service manager passed in the environment for notifications and the watchdog
/// (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID; sd_notify(3), sd_watchdog_enabled(3)), captured once.
/// </summary>
/// <param name="NotifySocket">$NOTIFY_SOCKET, or null when unset or empty.</param>
/// <param name="WatchdogUsec">$WATCHDOG_USEC when it is a positive number, else null.</param>
/// <param name="WatchdogPid">$WATCHDOG_PID when it is a positive number, else null.</param>
public sealed record SystemdEnvironment(string? NotifySocket, long? WatchdogUsec, int? WatchdogPid)
{
    /// <summary>The variables that carry the manager's notification and watchdog settings.</summary>
    public static readonly IReadOnlyList<string> VariableNames = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"];

    private const long MaxIntervalUsec = 2L * 60 * 60 * 1_000_000;

    private static readonly Lazy<SystemdEnvironment> Captured = new(() => FromVariables(Environment.GetEnvironmentVariable));

    /// <summary>
    /// The values this process was started with, read the first time this is used and kept, so they
    /// stay available after <see cref="UnsetInheritedVariables"/>.
    /// </summary>
    public static SystemdEnvironment Current => Captured.Value;

    /// <summary>Reads the variables through <paramref name="getVariable"/> (the real environment, or a test's table).</summary>
    /// <param name="getVariable">Returns a variable's value or null.</param>
    public static SystemdEnvironment FromVariables(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var socket = getVariable("NOTIFY_SOCKET");
        return new SystemdEnvironment(
            string.IsNullOrEmpty(socket) ? null : socket,
            long.TryParse(getVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0 ? usec : null,
            int.TryParse(getVariable("WATCHDOG_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null);
    }

    /// <summary>
    /// Captures <see cref="Current"/>, then removes the variables from this process's environment, so
    /// processes it starts (nft, wg, systemctl, …) do not inherit them: with NotifyAccess=all a child
    /// that speaks sd_notify could otherwise report READY=1 or feed the watchdog on this service's
    /// behalf, and WATCHDOG_PID protects a child only when the manager set it. This is what
    /// sd_notify(3)'s unset_environment does; the captured values keep this process's own notifier
    /// working. (.NET starts children with its managed copy of the environment, which this changes.)
    /// </summary>
    public static void UnsetInheritedVariables()
    {
        _ = Current;
        foreach (var name in VariableNames)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    /// <summary>
    /// How often to send WATCHDOG=1 when the manager expects it of <paramref name="processId"/>: half of
    /// WATCHDOG_USEC, as sd_watchdog_enabled(3) recommends; null when no watchdog applies (WATCHDOG_USEC
    /// unset, or WATCHDOG_PID names another process: then the variables were inherited, not meant for us).
    /// </summary>
    /// <param name="processId">This process's id.</param>
    public TimeSpan? GetWatchdogInterval(int processId)
    {
        if (WatchdogUsec is not { } usec || (WatchdogPid is { } pid && pid != processId))
        {
            return null;
        }

        // Sending more often than needed is harmless; the cap keeps a huge WatchdogSec= within what a
        // timer accepts.
        return TimeSpan.FromTicks(Math.Max(1, Math.Min(usec, MaxIntervalUsec) * TimeSpan.TicksPerMicrosecond / 2));
    }
}
