using System.Runtime.InteropServices;

namespace WgAgent.Hosting.Systemd.Tests;

public sealed partial class MonotonicClockTests
{
    private const int ClockMonotonic = 1; // <linux/time.h>
    private const int ClockBoottime = 7;

    [Fact]
    public void NowMicroseconds_BracketedByClockGettimeMonotonic_IsThatClock()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var before = ClockGettimeUsec(ClockMonotonic);
            var now = MonotonicClock.NowMicroseconds();
            var after = ClockGettimeUsec(ClockMonotonic);

            Assert.InRange(now, before, after);
        }
    }

    [Fact]
    public void NowMicroseconds_Value_NotBoottimeWhenTheyDiffer()
    {
        // CLOCK_BOOTTIME also counts suspend; on a machine that never slept both read the same, so this
        // only tells them apart where it can. The bracket test above is the real check.
        var monotonic = ClockGettimeUsec(ClockMonotonic);
        var boottime = ClockGettimeUsec(ClockBoottime);
        var now = MonotonicClock.NowMicroseconds();

        if (boottime - monotonic > 1_000_000)
        {
            Assert.True(now < boottime - 500_000, "Stopwatch follows CLOCK_BOOTTIME, not CLOCK_MONOTONIC");
        }
    }

    [Theory]
    [InlineData(1_000_000_000L, 1_000_000_000L, 1_000_000L)]
    [InlineData(123_456_789L, 1_000_000_000L, 123_456L)]
    [InlineData(10_000_000L, 10_000_000L, 1_000_000L)]
    [InlineData(long.MaxValue, 1_000_000_000L, long.MaxValue / 1000)]
    public void ToMicroseconds_TicksAtFrequency_NoOverflow(long ticks, long frequency, long expected)
    {
        Assert.Equal(expected, MonotonicClock.ToMicroseconds(ticks, frequency));
    }

    private static long ClockGettimeUsec(int clock)
    {
        Assert.Equal(0, clock_gettime(clock, out var ts));
        return (ts.Seconds * 1_000_000) + (ts.Nanoseconds / 1000);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out Timespec ts);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
