using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Commands;

/// <summary><c>wgagent killswitch down</c>: removes the table, verifies, idempotent.</summary>
public class KillswitchDownTests
{
    [Fact]
    public async Task Down_AfterUp_RemovesTheTable()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        Assert.Equal(0, (await WgAgentBinary.UpAsync(ns, files)).ExitCode);

        var run = await WgAgentBinary.RunAsync(ns, "killswitch", "down");

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("wgagent: kill switch down: table inet wgagent removed; wgagent no longer filters traffic\n", run.StandardOutput);
        Assert.Null(await ns.TryListTableAsync());
        Assert.True(File.Exists(files.LastGoodPath), "down removes the table, not the state");
    }

    [Theory]
    [InlineData("library")]
    [InlineData("process")]
    public async Task Down_NoTable_SaysSoAndExitsZero(string backend)
    {
        await using var ns = await Scratch.CreateAsync();

        var run = await WgAgentBinary.RunAsync(ns, "killswitch", "down", "--nft", backend);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("wgagent: kill switch down: table inet wgagent was not loaded; nothing to remove\n", run.StandardOutput);
        Assert.Null(await ns.TryListTableAsync());
    }

    [Fact]
    public async Task Down_Twice_SecondIsANoOp()
    {
        await using var ns = await Scratch.CreateAsync();
        await ns.ApplyAsync("table inet wgagent {\n chain output {\n  type filter hook output priority filter; policy accept;\n }\n}\n");

        var first = await WgAgentBinary.RunAsync(ns, "killswitch", "down");
        var second = await WgAgentBinary.RunAsync(ns, "killswitch", "down");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("removed", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("nothing to remove", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Down_OtherTables_AreLeftAlone()
    {
        await using var ns = await Scratch.CreateAsync();
        await ns.ApplyAsync("table inet wgagent {\n}\ntable inet other {\n chain c {\n }\n}\n");

        var run = await WgAgentBinary.RunAsync(ns, "killswitch", "down");

        Assert.Equal(0, run.ExitCode);
        Assert.Null(await ns.TryListTableAsync());
        Assert.Equal(0, (await ns.ExecBufferedAsync(["nft", "list", "table", "inet", "other"])).ExitCode);
    }
}
