using System.Diagnostics;

namespace WgAgent.Hosting.Systemd.Tests;

public sealed class SystemdEnvironmentTests
{
    [Theory]
    [InlineData("/run/systemd/notify", "30000000", "77", "/run/systemd/notify", 30000000L, 77)]
    [InlineData("@abstract", null, null, "@abstract", null, null)]
    [InlineData("", "0", "0", null, null, null)]
    [InlineData(null, "-5", "x", null, null, null)]
    [InlineData(null, "12 ", "+3", null, null, null)]
    public void FromVariables_Values_ParsedStrictly(
        string? socket, string? usec, string? pid, string? expectedSocket, long? expectedUsec, int? expectedPid)
    {
        var variables = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = socket, ["WATCHDOG_USEC"] = usec, ["WATCHDOG_PID"] = pid };

        var environment = SystemdEnvironment.FromVariables(name => variables.GetValueOrDefault(name));

        Assert.Equal(new SystemdEnvironment(expectedSocket, expectedUsec, expectedPid), environment);
    }

    [Theory]
    [InlineData(200_000L, null, 100_000L)]
    [InlineData(30_000_000L, 42, 15_000_000L)]
    [InlineData(1L, null, 0L)] // half a microsecond rounds to one tick: still sent, never zero
    [InlineData(30_000_000L, 43, null)]
    [InlineData(null, 42, null)]
    [InlineData(long.MaxValue, null, 3_600_000_000L)]
    public void GetWatchdogInterval_UsecAndPid_HalfForUsOnly(long? usec, int? pid, long? expectedUsec)
    {
        var environment = new SystemdEnvironment("/run/systemd/notify", usec, pid);

        var interval = environment.GetWatchdogInterval(processId: 42);

        Assert.Equal(expectedUsec, interval is { } i ? i.Ticks / TimeSpan.TicksPerMicrosecond : null);
        Assert.True(interval is null || interval > TimeSpan.Zero);
    }
}
