using Serilog.Events;
using Serilog.Sinks.Journald;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

public sealed class SyslogPriorityTests
{
    [Theory]
    [InlineData(LogEventLevel.Verbose, 7)]
    [InlineData(LogEventLevel.Debug, 7)]
    [InlineData(LogEventLevel.Information, 6)]
    [InlineData(LogEventLevel.Warning, 4)]
    [InlineData(LogEventLevel.Error, 3)]
    [InlineData(LogEventLevel.Fatal, 2)]
    public void FromLevel_Level_SyslogPriority(LogEventLevel level, int expected)
    {
        Assert.Equal(expected, SyslogPriority.FromLevel(level));
    }
}
