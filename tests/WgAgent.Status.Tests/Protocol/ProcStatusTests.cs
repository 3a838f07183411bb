using WgAgent.Status.Http;

namespace WgAgent.Status.Tests.Protocol;

public class ProcStatusTests
{
    [Fact]
    public void TryParse_RealShape_UidAndGroups()
    {
        var text = "Name:\tbash\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t1001\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\n" +
            "FDSize:\t256\nGroups:\t4 24 27 998 \nNStgid:\t1\n";

        Assert.True(ProcStatus.TryParse(text, out var uid, out var groups));
        Assert.Equal(1001u, uid);
        Assert.Equal([4u, 24u, 27u, 998u], groups);
    }

    [Fact]
    public void TryParse_NoGroups_Empty()
    {
        Assert.True(ProcStatus.TryParse("Uid:\t0\t0\t0\t0\nGroups:\t\n", out var uid, out var groups));
        Assert.Equal(0u, uid);
        Assert.Empty(groups);
    }

    [Theory]
    [InlineData("Uid:\t0\t0\t0\t0\n")]
    [InlineData("Groups:\t1\n")]
    [InlineData("Uid:\tx\ty\nGroups:\t1\n")]
    [InlineData("Uid:\t0\t0\nGroups:\t1 -2\n")]
    public void TryParse_MissingOrMalformed_False(string text)
    {
        Assert.False(ProcStatus.TryParse(text, out _, out _));
    }

    [Fact]
    public void TryParse_OwnProcess_Parses()
    {
        Assert.True(ProcStatus.TryParse(File.ReadAllText("/proc/self/status"), out _, out _));
    }
}
