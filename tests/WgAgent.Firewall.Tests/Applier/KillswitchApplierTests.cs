using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Applier;

/// <summary>
/// The applier in-process, with libnftables called on a thread that joined the scratch namespace (setns): the table
/// must appear there (seen by the nft program inside it), never in the test's own namespace.
/// </summary>
public class KillswitchApplierTests
{
    private const string Small = """
        table inet wgagent {
        	chain output {
        		type filter hook output priority filter; policy accept;
        		oifname "lo" accept
        	}
        }

        """;

    [Fact]
    public async Task ApplyAsync_NoTable_AppliesVerifiesAndRemembers()
    {
        await using var ns = await Scratch.CreateAsync();
        using var files = new AgentFiles();
        var store = new LastGoodStore(files.StateDirectory);
        var ownBefore = await OwnNamespaceHasTableAsync();

        var result = await new KillswitchApplier(new LibNftables(ns.Path), store).ApplyAsync(files.ExpectedTable(), rememberAsLastGood: true);

        Assert.Equal(KillswitchApplyStatus.Applied, result.Status);
        Assert.True(result.IsVerified);
        Assert.True(result.LastGoodSaved);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, files.ExpectedTable()));
        Assert.Equal(files.ExpectedTable(), store.TryRead()!.Table);
        Assert.Equal(ownBefore, await OwnNamespaceHasTableAsync());
    }

    [Fact]
    public async Task ApplyAsync_SameTableAgain_AlreadyInPlaceWithoutTransaction()
    {
        await using var ns = await Scratch.CreateAsync();
        var applier = new KillswitchApplier(new LibNftables(ns.Path), lastGood: null);
        Assert.Equal(KillswitchApplyStatus.Applied, (await applier.ApplyAsync(Small, false)).Status);
        var handle = await Commands.KillswitchUpTests.TableHandleAsync(ns);

        var result = await applier.ApplyAsync(Small, false);

        Assert.Equal(KillswitchApplyStatus.AlreadyInPlace, result.Status);
        Assert.Equal(handle, await Commands.KillswitchUpTests.TableHandleAsync(ns));
    }

    [Fact]
    public async Task ApplyAsync_NftRejectsTable_NothingChanges()
    {
        await using var ns = await Scratch.CreateAsync();
        var applier = new KillswitchApplier(new LibNftables(ns.Path), lastGood: null);
        await applier.ApplyAsync(Small, false);

        var result = await applier.ApplyAsync("table inet wgagent {\n\tchain output {\n\t\tno such statement\n\t}\n}\n", false);

        Assert.Equal(KillswitchApplyStatus.Rejected, result.Status);
        Assert.False(result.IsVerified);
        Assert.StartsWith("Error: ", result.Problem, StringComparison.Ordinal);
        // The transaction is all or nothing: the delete at its start did not happen either.
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, Small));
    }

    [Fact]
    public async Task ApplyAsync_KernelListsItDifferently_MismatchAndTableLeftInPlace()
    {
        await using var ns = await Scratch.CreateAsync();
        var store = new LastGoodStore(Path.Combine(Path.GetTempPath(), $"wgk-fwt-{Guid.NewGuid():N}"));
        // nft accepts "priority 0" but lists it as "priority filter": applied, yet not what was expected verbatim.
        var nonCanonical = Small.Replace("priority filter", "priority 0", StringComparison.Ordinal);

        var result = await new KillswitchApplier(new LibNftables(ns.Path), store).ApplyAsync(nonCanonical, rememberAsLastGood: true);

        Assert.Equal(KillswitchApplyStatus.Mismatch, result.Status);
        Assert.Contains("priority", result.Problem, StringComparison.Ordinal);
        Assert.True(NftListing.Matches((await ns.TryListTableAsync())!, Small), "the applied table stays");
        Assert.False(File.Exists(store.FilePath), "an unverified table is never remembered");
    }

    [Fact]
    public async Task ApplyAsync_Concurrent_SerializedSoEveryCallVerifiesItsOwnTable()
    {
        await using var ns = await Scratch.CreateAsync();
        var applier = new KillswitchApplier(new LibNftables(ns.Path), lastGood: null);
        var other = Small.Replace("oifname \"lo\" accept", "oifname \"lo\" counter packets 0 bytes 0 accept", StringComparison.Ordinal);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => applier.ApplyAsync(i % 2 == 0 ? Small : other, false)));

        Assert.All(results, r => Assert.Equal(KillswitchApplyStatus.Applied, r.Status));
    }

    [Fact]
    public async Task RemoveAsync_PresentThenAbsent_RemovedThenAlreadyAbsent()
    {
        await using var ns = await Scratch.CreateAsync();
        var applier = new KillswitchApplier(new LibNftables(ns.Path), lastGood: null);
        await applier.ApplyAsync(Small, false);

        var first = await applier.RemoveAsync();
        var second = await applier.RemoveAsync();

        Assert.Equal(KillswitchRemoveStatus.Removed, first.Status);
        Assert.Equal(KillswitchRemoveStatus.AlreadyAbsent, second.Status);
        Assert.True(second.IsAbsent);
        Assert.Null(await ns.TryListTableAsync());
    }

    /// <summary>Read-only look at the test's own namespace: the applier bound to a scratch namespace must not change it.</summary>
    private static async Task<bool> OwnNamespaceHasTableAsync()
    {
        var result = await Run.CommandAsync(["nft", "list", "tables", "inet"]);
        return result.StandardOutput.Contains("table inet wgagent", StringComparison.Ordinal);
    }
}
