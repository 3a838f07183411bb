using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Commands;

/// <summary><c>wgagent render</c>: the exact script <c>up</c> applies, nothing applied; errors exit 1.</summary>
public class RenderCommandTests
{
    [Fact]
    public async Task Render_ValidConfig_PrintsTheTransactionUpApplies()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();

        var render = await WgAgentBinary.RunAsync(ns, "render", "--config", files.AgentPath);
        Assert.Null(await ns.TryListTableAsync());
        var up = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(render.ExitCode == 0, render.StandardError);
        Assert.Equal("", render.StandardError);
        Assert.Equal(0, up.ExitCode);
        Assert.Equal(NftRuleset.Transaction(File.ReadAllText(files.LastGoodPath)), render.StandardOutput);
        Assert.StartsWith("table inet wgagent {}\ndelete table inet wgagent\ntable inet wgagent {\n", render.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_OutputFedToNft_GivesTheSameTableAsUp()
    {
        await using var rendered = await Scratch.CreateAsync();
        await using var applied = await Scratch.CreateAsync();
        using var files = new AgentFiles();

        var render = await WgAgentBinary.RunAsync(rendered, "render", "--config", files.AgentPath);
        await rendered.ApplyAsync(render.StandardOutput);
        Assert.Equal(0, (await WgAgentBinary.UpAsync(applied, files)).ExitCode);

        Assert.Equal(await rendered.TryListTableAsync(), await applied.TryListTableAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_BrokenConfig_DiagnosticsOnStderrExitOneNothingOnStdout(bool syntax)
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        files.WriteAgent(syntax ? TestConfigs.BrokenSyntax : TestConfigs.BrokenValue(files.TunnelPath));

        var run = await WgAgentBinary.RunAsync(ns, "render", "--config", files.AgentPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.StartsWith($"{files.AgentPath}:", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("wgagent: render: the config has errors: there is no policy to render\n  hint: ", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("table inet wgagent {", run.StandardError, StringComparison.Ordinal);
        Assert.Null(await ns.TryListTableAsync());
    }

    [Fact]
    public async Task Render_MissingTunnelConfig_ExitOneNamingIt()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        File.Delete(files.TunnelPath);

        var run = await WgAgentBinary.RunAsync(ns, "render", "--config", files.AgentPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.StartsWith($"{files.TunnelPath}: error: cannot read the WireGuard config: no such file", run.StandardError, StringComparison.Ordinal);
    }
}
