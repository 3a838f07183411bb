using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Commands;

/// <summary>
/// The shipped form: `make publish`'s Native AOT wgagent. Trimming and native compilation are where P/Invoke into
/// libnftables could break, so the real binary applies, no-ops and removes the table.
/// </summary>
public class PublishedBinaryTests
{
    [Fact]
    public async Task PublishedBinary_UpTwiceThenDown_AppliesVerifiesAndRemoves()
    {
        var binary = WgAgentBinary.Published;
        Assert.True(File.Exists(binary), $"{binary} is missing: run `make publish` first (`make test` does)");
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        string[] up = [binary, "killswitch", "up", "--config", files.AgentPath, "--state-directory", files.StateDirectory];

        var first = await ns.ExecBufferedAsync(up);
        var second = await ns.ExecBufferedAsync(up);
        var listing = await ns.TryListTableAsync();
        var down = await ns.ExecBufferedAsync([binary, "killswitch", "down"]);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.StartsWith("wgagent: kill switch verified: ", first.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("(already in place)\n", second.StandardOutput, StringComparison.Ordinal);
        Assert.True(NftListing.Matches(listing!, files.ExpectedTable()), "the published binary applied another table than the sources render");
        Assert.Equal(0, down.ExitCode);
        Assert.Null(await ns.TryListTableAsync());
    }

    [Fact]
    public async Task PublishedBinary_Render_SameTextAsTheBuiltProgram()
    {
        var binary = WgAgentBinary.Published;
        Assert.True(File.Exists(binary), $"{binary} is missing: run `make publish` first (`make test` does)");
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();

        var published = await ns.ExecBufferedAsync([binary, "render", "--config", files.AgentPath]);
        var built = await WgAgentBinary.RunAsync(ns, "render", "--config", files.AgentPath);

        Assert.Equal(0, published.ExitCode);
        Assert.Equal(built.StandardOutput, published.StandardOutput);
    }
}
