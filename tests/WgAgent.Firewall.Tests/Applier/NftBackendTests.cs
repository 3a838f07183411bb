using WgAgent.Firewall.Tests.Support;
using WgAgent.Lab.Netns;

namespace WgAgent.Firewall.Tests.Applier;

/// <summary>Both nft seams against the real kernel in a scratch namespace: same answers, absence is not an error.</summary>
public class NftBackendTests
{
    private const string Table = "table inet wgagent {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t}\n}\n";

    public static TheoryData<string> Backends => new() { "library", "process" };

    private static INftables Create(string backend, ScratchNamespace ns) => backend == "library"
        ? new LibNftables(ns.Path)
        : new NftProcess("ip", ["netns", "exec", ns.Name, "nft"]);

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ListTableAsync_NoTable_ReturnsNull(string backend)
    {
        await using var ns = await Scratch.CreateAsync();

        Assert.Null(await Create(backend, ns).ListTableAsync());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task RunAsync_ValidScript_TableListedAsNftPrintsIt(string backend)
    {
        await using var ns = await Scratch.CreateAsync();
        var nft = Create(backend, ns);

        var result = await nft.RunAsync(Table);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(Table, await nft.ListTableAsync());
        Assert.Equal(Table, await ns.TryListTableAsync());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task RunAsync_InvalidScript_FailsWithNftsMessage(string backend)
    {
        await using var ns = await Scratch.CreateAsync();

        var result = await Create(backend, ns).RunAsync("table inet wgagent { chain c { bogus } }\n");

        Assert.False(result.Succeeded);
        // The program prefixes its input's position (/dev/stdin:1:38-38: ); the library reads a buffer and has none.
        Assert.Contains("Error: syntax error", result.ErrorLine, StringComparison.Ordinal);
        Assert.Null(await ns.TryListTableAsync());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task RunAsync_TwoCommands_OneTransaction(string backend)
    {
        await using var ns = await Scratch.CreateAsync();

        // The second command fails, so the first must not take effect either.
        var result = await Create(backend, ns).RunAsync(Table + "delete table inet no_such_table\n");

        Assert.False(result.Succeeded);
        Assert.Null(await ns.TryListTableAsync());
    }

    [Fact]
    public async Task LibNftables_BadNamespacePath_FailsWithoutTouchingAnything()
    {
        var nft = new LibNftables("/run/netns/wgk-fwt-does-not-exist");

        await Assert.ThrowsAnyAsync<IOException>(() => nft.ListTableAsync());
    }
}
