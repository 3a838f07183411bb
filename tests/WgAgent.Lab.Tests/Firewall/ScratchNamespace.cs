using System.Security.Cryptography;
using WgAgent.Lab.Netns;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Tests.Firewall;

/// <summary>
/// An empty network namespace of its own (<c>wgk-fw-&lt;hex&gt;</c>) to load nft rulesets into: every nft command
/// runs through <c>ip netns exec</c> into it, never in the machine's own namespace, where a kill switch would cut the
/// machine off. Deleted on dispose, also when the test failed.
/// </summary>
internal sealed class ScratchNamespace : IAsyncDisposable
{
    private const string Prefix = "wgk-fw-";

    // Scratch namespaces live for seconds; one this old was left by a crashed run.
    private static readonly TimeSpan StaleAge = TimeSpan.FromMinutes(30);

    private ScratchNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Creates the namespace; throws (so the test fails, never skips) without root or nft.</summary>
    public static async Task<ScratchNamespace> CreateAsync()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new LabException("the nft tests need root: run `make test` as root");
        }
        if (LabPreconditions.FindInPath("nft") is null || LabPreconditions.FindInPath("ip") is null)
        {
            throw new LabException("the nft tests need nft and ip: apt-get install nftables iproute2");
        }

        // Every nft call awaits its pipes; under the test host a starved pool would add its thread injection delay
        // (0.5-1 s) to the timings LargePolicyTests reports.
        ThreadPoolHeadroom.Ensure();
        await RemoveStaleAsync();
        var name = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await CommandRunner.RunCheckedAsync("ip", "netns", "add", name);
        var scratch = new ScratchNamespace(name);
        try
        {
            await CommandRunner.RunCheckedAsync("ip", "-n", name, "link", "set", "lo", "up");
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }
        return scratch;
    }

    /// <summary>Runs <c>nft</c> with these arguments inside the namespace.</summary>
    public Task<CommandResult> NftAsync(IReadOnlyList<string> arguments, string? standardInput = null, TimeSpan? timeout = null) =>
        CommandRunner.RunAsync(["ip", "netns", "exec", Name, "nft", .. arguments], timeout, standardInput);

    /// <summary>Loads a script as one transaction (<c>nft -f -</c>); throws with nft's message when it fails.</summary>
    public async Task<CommandResult> ApplyAsync(string script, TimeSpan? timeout = null) =>
        (await NftAsync(["-f", "-"], script, timeout)).EnsureSuccess();

    /// <summary><c>nft list table inet wgagent</c>.</summary>
    public async Task<string> ListTableAsync(TimeSpan? timeout = null) =>
        (await NftAsync(["list", "table", "inet", "wgagent"], timeout: timeout)).EnsureSuccess().Stdout;

    /// <summary><c>nft list tables</c>, one table per line.</summary>
    public async Task<string[]> ListTablesAsync() =>
        (await NftAsync(["list", "tables"])).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async ValueTask DisposeAsync()
    {
        var problems = await NamespaceReaper.RemoveAsync(Name);
        if (problems.Count > 0)
        {
            throw new LabException($"removing {Name}: {string.Join("; ", problems)}");
        }
    }

    private static async Task RemoveStaleAsync()
    {
        foreach (var name in NamespaceReaper.List().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var age = DateTime.UtcNow - File.GetLastWriteTimeUtc(Path.Combine("/run/netns", name));
            if (age > StaleAge)
            {
                await NamespaceReaper.RemoveAsync(name);
            }
        }
    }

    public override string ToString() => Name;
}
