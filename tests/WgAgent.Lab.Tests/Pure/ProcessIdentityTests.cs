using WgAgent.Lab.Runs;

namespace WgAgent.Lab.Tests.Pure;

public sealed class ProcessIdentityTests
{
    [Fact]
    public void Current_ThisProcess_IsAlive()
    {
        Assert.True(ProcessIdentity.Current.IsAlive);
    }

    [Fact]
    public void IsAlive_SamePidOtherStartTime_IsFalse()
    {
        // A reused PID must not pass for the original owner.
        var reused = ProcessIdentity.Current with { StartTicks = ProcessIdentity.Current.StartTicks + 1 };

        Assert.False(reused.IsAlive);
    }

    [Theory]
    [InlineData("123 456", 123, 456L)]
    [InlineData("123 456\n", 123, 456L)]
    public void Parse_OwnerFileText_RoundTrips(string text, int pid, long ticks)
    {
        var identity = ProcessIdentity.Parse(text);

        Assert.Equal(new ProcessIdentity(pid, ticks), identity);
        Assert.Equal(identity, ProcessIdentity.Parse(identity!.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("abc 1")]
    [InlineData("-1 5")]
    public void Parse_Malformed_IsNull(string text)
    {
        Assert.Null(ProcessIdentity.Parse(text));
    }
}
