using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Commands;

/// <summary><c>killswitch up</c> with a broken config: diagnostics, then last-good or block-all, loudly; exit 0.</summary>
public class KillswitchUpFallbackTests
{
    private const string LastGoodLine = "wgagent: kill switch: config broken — loaded the last verified ruleset (from ";
    private const string BlockAllLine =
        "wgagent: kill switch: config broken — loaded block-all (loopback only): nothing but loopback passes until the config is fixed\n";

    [Fact]
    public async Task Up_BrokenConfigWithLastGood_LoadsLastGoodLoudly()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        Assert.Equal(0, (await WgAgentBinary.UpAsync(ns, files)).ExitCode);
        var lastGood = File.ReadAllText(files.LastGoodPath);
        await ns.ApplyAsync("delete table inet wgagent\n");
        files.WriteAgent(TestConfigs.BrokenSyntax);

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("", run.StandardOutput);
        Assert.StartsWith($"{files.AgentPath}:3:", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(LastGoodLine, run.StandardError, StringComparison.Ordinal);
        Assert.EndsWith(") instead\n", run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, lastGood));
        Assert.Equal(lastGood, File.ReadAllText(files.LastGoodPath));
    }

    [Fact]
    public async Task Up_MisspelledKeyWithLastGood_DiagnosticWithHintThenLastGood()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        Assert.Equal(0, (await WgAgentBinary.UpAsync(ns, files)).ExitCode);
        files.WriteAgent(TestConfigs.MisspelledKey(files.TunnelPath));

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.StartsWith($"{files.AgentPath}:7:1: error: killswitch.inbund: unknown key \"inbund\" in [killswitch]\n  hint: did you mean \"inbound\"?\n",
            run.StandardError, StringComparison.Ordinal);
        // The kernel already holds the last verified table, so nothing is sent, but the fallback is still announced.
        Assert.Contains(LastGoodLine, run.StandardError, StringComparison.Ordinal);
        Assert.EndsWith(") instead (already in place)\n", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_BrokenConfigWithoutLastGood_LoadsBlockAllLoudly()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles(agent: TestConfigs.BrokenSyntax);

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.EndsWith(BlockAllLine, run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, NftRuleset.BlockAllTable));
        Assert.False(File.Exists(files.LastGoodPath), "a fallback must never become the last good table");
    }

    [Fact]
    public async Task Up_MissingTunnelConfigWithLastGood_LoadsLastGood()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        Assert.Equal(0, (await WgAgentBinary.UpAsync(ns, files)).ExitCode);
        var lastGood = File.ReadAllText(files.LastGoodPath);
        await ns.ApplyAsync("flush chain inet wgagent output\n");
        File.Delete(files.TunnelPath);

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.StartsWith($"{files.TunnelPath}: error: cannot read the WireGuard config: no such file\n  hint: ", run.StandardError,
            StringComparison.Ordinal);
        Assert.Contains(LastGoodLine, run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, lastGood));
    }

    [Fact]
    public async Task Up_MissingTunnelConfigWithoutLastGood_LoadsBlockAll()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        File.Delete(files.TunnelPath);

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("cannot read the WireGuard config", run.StandardError, StringComparison.Ordinal);
        Assert.EndsWith(BlockAllLine, run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, NftRuleset.BlockAllTable));
    }

    [Fact]
    public async Task Up_MissingAgentConfig_LoadsBlockAllAndNamesTheFile()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        File.Delete(files.AgentPath);

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.StartsWith($"{files.AgentPath}: error: cannot read the agent config: no such file\n", run.StandardError, StringComparison.Ordinal);
        Assert.EndsWith(BlockAllLine, run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, NftRuleset.BlockAllTable));
    }

    [Fact]
    public async Task Up_CorruptLastGood_IgnoredForBlockAll()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles(agent: TestConfigs.BrokenSyntax);
        Directory.CreateDirectory(files.StateDirectory);
        File.WriteAllText(files.LastGoodPath, "flush ruleset\n");

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains($"{files.LastGoodPath}: warning: is not a single \"table inet wgagent\" block", run.StandardError, StringComparison.Ordinal);
        Assert.EndsWith(BlockAllLine, run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, NftRuleset.BlockAllTable));
    }

    [Fact]
    public async Task Up_LastGoodRejectedByNft_FallsThroughToBlockAll()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles(agent: TestConfigs.BrokenSyntax);
        Directory.CreateDirectory(files.StateDirectory);
        File.WriteAllText(files.LastGoodPath, "table inet wgagent {\n\tchain input {\n\t\tno such statement\n\t}\n}\n");

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("wgagent: kill switch: nft rejected the last verified table:\n  Error: ", run.StandardError, StringComparison.Ordinal);
        Assert.EndsWith(BlockAllLine, run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, NftRuleset.BlockAllTable));
    }
}
