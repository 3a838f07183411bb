using System.Globalization;

namespace WgAgent.Hosting.Systemd;

/// <summary>
/// One sd_notify(3) message: newline-separated <c>KEY=VALUE</c> assignments, sent as one datagram.
/// The named states build the assignments systemd.service(5) and sd_notify(3) define, so no caller
/// formats protocol text by hand.
/// </summary>
public readonly record struct ServiceState
{
    private readonly string? text;

    /// <summary>A state from raw sd_notify text, e.g. <c>"READY=1\nSTATUS=ok"</c>.</summary>
    /// <param name="state">One or more <c>KEY=VALUE</c> lines.</param>
    /// <exception cref="ArgumentException"><paramref name="state"/> is null or empty.</exception>
    public ServiceState(string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        text = state;
    }

    /// <summary>READY=1: start-up is finished (Type=notify units leave "activating" on this).</summary>
    public static ServiceState Ready { get; } = new("READY=1");

    /// <summary>STOPPING=1: the service began shutting down.</summary>
    public static ServiceState Stopping { get; } = new("STOPPING=1");

    /// <summary>WATCHDOG=1: the keep-alive that WatchdogSec= expects at least every WATCHDOG_USEC.</summary>
    public static ServiceState Watchdog { get; } = new("WATCHDOG=1");

    /// <summary>
    /// STATUS=<paramref name="status"/>: the one-line human status <c>systemctl status</c> shows.
    /// Line breaks become spaces: a newline would end the assignment and turn the rest of the text (which
    /// may come from a config file or an interface name) into assignments of its own, e.g. READY=1.
    /// </summary>
    /// <param name="status">Free text.</param>
    public static ServiceState Status(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new("STATUS=" + status.ReplaceLineEndings(" "));
    }

    /// <summary>
    /// RELOADING=1 with MONOTONIC_USEC=<paramref name="monotonicUsec"/>: a reload began (send
    /// <see cref="Ready"/> when it is done). sd_notify(3) asks for the CLOCK_MONOTONIC time with
    /// RELOADING=1 so the manager can tell this reload's READY=1 from an older one (Type=notify-reload,
    /// systemd 253+; older managers ignore the extra field).
    /// </summary>
    /// <param name="monotonicUsec">CLOCK_MONOTONIC in microseconds at the start of the reload.</param>
    public static ServiceState Reloading(long monotonicUsec)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monotonicUsec);
        return new(string.Create(CultureInfo.InvariantCulture, $"RELOADING=1\nMONOTONIC_USEC={monotonicUsec}"));
    }

    /// <summary><see cref="Reloading(long)"/> stamped with the current CLOCK_MONOTONIC time.</summary>
    public static ServiceState Reloading() => Reloading(MonotonicClock.NowMicroseconds());

    /// <summary>
    /// EXTEND_TIMEOUT_USEC=: asks for <paramref name="extension"/> more time than the current start,
    /// stop or runtime timeout allows, counted from now (sd_notify(3)); e.g. while waiting for wg0 longer
    /// than TimeoutStartSec=.
    /// </summary>
    /// <param name="extension">How much longer, from now; at least one microsecond.</param>
    public static ServiceState ExtendTimeout(TimeSpan extension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(extension, TimeSpan.FromMicroseconds(1));
        var usec = extension.Ticks / TimeSpan.TicksPerMicrosecond;
        return new(string.Create(CultureInfo.InvariantCulture, $"EXTEND_TIMEOUT_USEC={usec}"));
    }

    /// <summary>MAINPID=<paramref name="processId"/>: the service's main process is another one than the sender.</summary>
    /// <param name="processId">A process id, greater than zero.</param>
    public static ServiceState MainPid(int processId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processId);
        return new(string.Create(CultureInfo.InvariantCulture, $"MAINPID={processId}"));
    }

    /// <summary>
    /// Several states in one datagram, e.g. <c>Combine(Ready, Status("ok"))</c>: systemd applies them
    /// together, so <c>systemctl status</c> never shows "active" with a stale status line.
    /// </summary>
    /// <param name="states">The states, in order; none default.</param>
    public static ServiceState Combine(params ReadOnlySpan<ServiceState> states)
    {
        if (states.IsEmpty)
        {
            throw new ArgumentException("at least one state is needed", nameof(states));
        }

        var parts = new string[states.Length];
        for (var i = 0; i < states.Length; i++)
        {
            parts[i] = states[i].text ?? throw new ArgumentException($"state {i} is default", nameof(states));
        }

        return new(string.Join('\n', parts));
    }

    /// <summary>The sd_notify text exactly as sent (empty for a default value).</summary>
    public override string ToString() => text ?? string.Empty;
}
