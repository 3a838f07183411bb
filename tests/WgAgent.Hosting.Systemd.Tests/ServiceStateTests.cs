namespace WgAgent.Hosting.Systemd.Tests;

public sealed class ServiceStateTests
{
    public static TheoryData<string, string> States => new()
    {
        { "ready", "READY=1" },
        { "stopping", "STOPPING=1" },
        { "watchdog", "WATCHDOG=1" },
        { "status", "STATUS=waiting for wg0" },
        { "reloading", "RELOADING=1\nMONOTONIC_USEC=123456789" },
        { "extend", "EXTEND_TIMEOUT_USEC=90000000" },
        { "mainpid", "MAINPID=4242" },
        { "combined", "READY=1\nSTATUS=ok: wg0 up" },
    };

    /// <summary>The states the notifier tests send, by name (TheoryData needs serializable arguments).</summary>
    internal static ServiceState ByName(string name) => name switch
    {
        "ready" => ServiceState.Ready,
        "stopping" => ServiceState.Stopping,
        "watchdog" => ServiceState.Watchdog,
        "status" => ServiceState.Status("waiting for wg0"),
        "reloading" => ServiceState.Reloading(123456789),
        "extend" => ServiceState.ExtendTimeout(TimeSpan.FromSeconds(90)),
        "mainpid" => ServiceState.MainPid(4242),
        "combined" => ServiceState.Combine(ServiceState.Ready, ServiceState.Status("ok: wg0 up")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(States))]
    public void ToString_NamedState_IsSdNotifyText(string name, string expected)
    {
        Assert.Equal(expected, ByName(name).ToString());
    }

    [Theory]
    [InlineData("line one\nREADY=1", "STATUS=line one READY=1")]
    [InlineData("a\r\nb\rc", "STATUS=a b c")]
    [InlineData("", "STATUS=")]
    public void Status_TextWithLineBreaks_StaysOneAssignment(string text, string expected)
    {
        Assert.Equal(expected, ServiceState.Status(text).ToString());
    }

    [Fact]
    public void Reloading_NoArgument_StampsMonotonicNow()
    {
        var before = MonotonicClock.NowMicroseconds();
        var text = ServiceState.Reloading().ToString();
        var after = MonotonicClock.NowMicroseconds();

        var lines = text.Split('\n');
        Assert.Equal("RELOADING=1", lines[0]);
        var usec = long.Parse(lines[1]["MONOTONIC_USEC=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(usec, before, after);
    }

    [Fact]
    public void ExtendTimeout_SubMicrosecond_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceState.ExtendTimeout(TimeSpan.FromTicks(5)));
    }

    [Fact]
    public void Constructor_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ServiceState(string.Empty));
    }

    [Fact]
    public void Combine_DefaultState_Throws()
    {
        Assert.Throws<ArgumentException>(() => ServiceState.Combine(ServiceState.Ready, default));
    }

    [Fact]
    public void Equals_SameText_Equal()
    {
        Assert.Equal(ServiceState.Ready, new ServiceState("READY=1"));
    }
}
