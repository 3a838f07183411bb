namespace WgAgent.Hosting.Systemd.Tests;

public sealed class SystemdHelpersTests
{
    [Theory]
    [InlineData("500 (wgagent) S 1 500 500 0", "systemd\n", true)]
    [InlineData("500 (wg agent) x) S 77 500 500 0", "systemd\n", true)]
    [InlineData("500 (wgagent) S 77 500 500 0", "bash\n", false)]
    [InlineData("500 (wgagent) S 77 500 500 0", null, false)]
    [InlineData("garbage", "systemd\n", false)]
    [InlineData(null, "systemd\n", false)]
    public void IsChildOfSystemd_ProcFiles_ParentCommDecides(string? stat, string? parentComm, bool expected)
    {
        string? Read(string path) => path == "500/stat" ? stat : path.EndsWith("/comm", StringComparison.Ordinal) ? parentComm : null;

        Assert.Equal(expected, SystemdHelpers.IsChildOfSystemd(500, Read));
    }

    [Fact]
    public void IsChildOfSystemd_ProcessIsPid1_False()
    {
        Assert.False(SystemdHelpers.IsChildOfSystemd(1, _ => "systemd\n"));
    }

    [Fact]
    public void IsSystemdService_TestHost_False()
    {
        // The test host's parent is the dotnet test runner, never a systemd manager.
        Assert.False(SystemdHelpers.IsSystemdService());
    }
}
