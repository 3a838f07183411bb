using System.Diagnostics;

namespace WgAgent.Hosting.Systemd;

/// <summary>
/// CLOCK_MONOTONIC in microseconds, as sd_notify(3) wants for MONOTONIC_USEC=. On Linux
/// <see cref="Stopwatch.GetTimestamp"/> is clock_gettime(CLOCK_MONOTONIC) in nanoseconds
/// (dotnet/runtime src/native/libs/System.Native/pal_time.c, SystemNative_GetTimestamp), so no interop is
/// needed; a test compares it with clock_gettime itself. (<see cref="Environment.TickCount64"/> is not
/// usable: milliseconds from a coarse clock.)
/// </summary>
internal static class MonotonicClock
{
    /// <summary>The current CLOCK_MONOTONIC time in microseconds.</summary>
    public static long NowMicroseconds() => ToMicroseconds(Stopwatch.GetTimestamp(), Stopwatch.Frequency);

    /// <summary>Converts Stopwatch ticks at <paramref name="frequency"/> per second to microseconds, without overflow.</summary>
    internal static long ToMicroseconds(long ticks, long frequency) => (long)((Int128)ticks * 1_000_000 / frequency);
}
