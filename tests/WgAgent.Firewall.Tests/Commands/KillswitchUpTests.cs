using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;
using WgAgent.Lab.Netns;

namespace WgAgent.Firewall.Tests.Commands;

/// <summary><c>wgagent killswitch up</c> as a process inside a scratch namespace, against the real kernel.</summary>
public class KillswitchUpTests
{
    [Fact]
    public async Task Up_ValidConfig_AppliesComputedTableAndSavesLastGood()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.StartsWith("wgagent: kill switch verified: egress tunnel, inbound restricted", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("already in place", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", run.StandardError);
        var listing = await ns.TryListTableAsync();
        Assert.NotNull(listing);
        Assert.True(NftListing.Matches(listing, files.ExpectedTable()), NftListing.FirstDifference(listing, files.ExpectedTable()));
        Assert.Equal(files.ExpectedTable(), File.ReadAllText(files.LastGoodPath));
        Assert.Single(Directory.GetFileSystemEntries(files.StateDirectory));
    }

    [Fact]
    public async Task Up_Twice_SecondIsNoOpAndKeepsTheKernelTable()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        Assert.Equal(0, (await WgAgentBinary.UpAsync(ns, files)).ExitCode);
        var handleBefore = await TableHandleAsync(ns);
        await CountOneRejectedPacketAsync(ns);
        var lastGoodTime = File.GetLastWriteTimeUtc(files.LastGoodPath);

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.EndsWith("(already in place)\n", run.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(handleBefore, await TableHandleAsync(ns));
        Assert.Contains("counter rejected_output {\n\t\tpackets 1 ", await ns.TryListTableAsync(), StringComparison.Ordinal);
        Assert.Equal(lastGoodTime, File.GetLastWriteTimeUtc(files.LastGoodPath));
    }

    [Theory]
    [InlineData("flush chain inet wgagent output\n")]
    [InlineData("add rule inet wgagent output accept\n")]
    [InlineData("delete table inet wgagent\n")]
    [InlineData("delete table inet wgagent\ntable inet wgagent {\n chain input {\n  type filter hook input priority filter; policy accept;\n }\n}\n")]
    public async Task Up_TableTamperedWith_RestoresIt(string tamper)
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        Assert.Equal(0, (await WgAgentBinary.UpAsync(ns, files)).ExitCode);
        await ns.ApplyAsync(tamper);

        var run = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.StartsWith("wgagent: kill switch verified:", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("already in place", run.StandardOutput, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, files.ExpectedTable()));
    }

    [Fact]
    public async Task Up_ProcessBackend_SameTableAsLibrary()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();

        var run = await WgAgentBinary.UpAsync(ns, files, "--nft", "process");
        var again = await WgAgentBinary.UpAsync(ns, files);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, files.ExpectedTable()));
        Assert.EndsWith("(already in place)\n", again.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_StateDirectoryUnwritable_WarnsButStillVerifies()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        var notADirectory = Path.Combine(files.Directory, "file");
        File.WriteAllText(notADirectory, "");

        var run = await WgAgentBinary.RunAsync(ns, "killswitch", "up", "--config", files.AgentPath, "--state-directory", notADirectory);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.StartsWith("wgagent: kill switch verified:", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("warning: saving " + Path.Combine(notADirectory, "last-good.nft"), run.StandardError, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, files.ExpectedTable()));
    }

    [Fact]
    public async Task Up_StateDirectoryFromEnvironment_FirstEntryIsUsed()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        var second = Path.Combine(files.Directory, "second");

        var run = await ns.ExecBufferedAsync([WgAgentBinary.DotnetHost, WgAgentBinary.BuiltAssembly, "killswitch", "up", "--config", files.AgentPath],
            environment: new Dictionary<string, string?> { ["STATE_DIRECTORY"] = $"{files.StateDirectory}:{second}" });

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.True(File.Exists(files.LastGoodPath));
        Assert.False(Directory.Exists(second));
    }

    [Fact]
    public async Task Up_NftProgramMissing_OneLineErrorWithHintNoStackTrace()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();

        var run = await ns.ExecBufferedAsync(["env", "PATH=/nonexistent", WgAgentBinary.DotnetHost, WgAgentBinary.BuiltAssembly,
            "killswitch", "up", "--config", files.AgentPath, "--state-directory", files.StateDirectory, "--nft", "process"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("^wgagent: cannot run nft: .*: install the nftables package\n$", run.StandardError);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.Null(await ns.TryListTableAsync());
    }

    [Theory]
    [InlineData("library")]
    [InlineData("process")]
    public async Task Up_NotRoot_FailsWithOneLineAndHintExitOne(string backend)
    {
        await using var ns = await Scratch.CreateAsync();

        // As nobody, inside the scratch namespace: nftables refuses, and the command must say so plainly.
        var run = await ns.ExecBufferedAsync(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp",
            WgAgentBinary.DotnetHost, WgAgentBinary.BuiltAssembly, "killswitch", "up", "--config", "/nonexistent/wgagent.toml",
            "--state-directory", "/nonexistent/state", "--nft", backend]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("wgagent: kill switch: listing table inet wgagent: ", run.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("Operation not permitted\n  hint: run as root (nftables needs CAP_NET_ADMIN)\n", run.StandardError.Replace(
            " (you must be root)", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.Null(await ns.TryListTableAsync());
    }

    /// <summary>The table's kernel handle: a replaced table gets a new one, an untouched table keeps it.</summary>
    internal static async Task<string> TableHandleAsync(ScratchNamespace ns)
    {
        var listing = await ns.ExecBufferedAsync(["nft", "-a", "list", "table", "inet", "wgagent"]);
        var first = listing.StandardOutput.Split('\n')[0];
        Assert.Contains("# handle ", first, StringComparison.Ordinal);
        return first;
    }

    /// <summary>egress = "tunnel": a ping out of a non-tunnel interface is rejected and counted in rejected_output.</summary>
    private static async Task CountOneRejectedPacketAsync(ScratchNamespace ns)
    {
        await Run.CheckedAsync("ip", "-n", ns.Name, "link", "add", "fwt0", "type", "veth", "peer", "name", "fwt1");
        await Run.CheckedAsync("ip", "-n", ns.Name, "addr", "add", "192.0.2.1/24", "dev", "fwt0");
        await Run.CheckedAsync("ip", "-n", ns.Name, "link", "set", "fwt0", "up");
        await Run.CheckedAsync("ip", "-n", ns.Name, "link", "set", "fwt1", "up");
        var ping = await ns.ExecBufferedAsync(["ping", "-n", "-c", "1", "-W", "1", "192.0.2.2"]);
        Assert.NotEqual(0, ping.ExitCode);
        Assert.Contains("counter rejected_output {\n\t\tpackets 1 ", await ns.TryListTableAsync(), StringComparison.Ordinal);
    }
}
