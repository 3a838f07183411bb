using System.Security.Cryptography;
using CliWrap.Buffered;
using WgAgent.Firewall;

namespace WgAgent.Firewall.Tests.Support;

/// <summary>
/// A fresh network namespace for one test, with only loopback up; deleted on dispose (also when the test fails).
/// The only place these tests apply nftables: every apply goes through <see cref="ExecAsync"/> (<c>ip netns exec</c>)
/// or a <see cref="LibNftables"/> bound to <see cref="Path"/>, after <see cref="CreateAsync"/> proved the namespace is
/// not the machine's own.
/// </summary>
internal sealed class ScratchNamespace : IAsyncDisposable
{
    public const string Prefix = "wgk-fwt-";

    private ScratchNamespace(string name) => Name = name;

    public string Name { get; }

    public string Path => $"/run/netns/{Name}";

    public static async Task<ScratchNamespace> CreateAsync()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("these tests create network namespaces and need root: run `make test` as root");
        }

        await NamespaceOwners.ReapStaleAsync();
        var name = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        NamespaceOwners.Record(name);
        var created = new ScratchNamespace(name);
        try
        {
            await Run.CheckedAsync("ip", "netns", "add", name);
            await Run.CheckedAsync("ip", "-n", name, "link", "set", "lo", "up");
            await created.EnsureNotTheMachinesNamespaceAsync();
            return created;
        }
        catch
        {
            await created.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a command inside the namespace.</summary>
    public Task<BufferedCommandResult> ExecAsync(IReadOnlyList<string> argv, string? input = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        Run.CommandAsync(["ip", "netns", "exec", Name, .. argv], input, environment);

    /// <summary><c>nft list table inet wgagent</c> inside, or null when the table is absent.</summary>
    public async Task<string?> ListTableAsync()
    {
        var result = await ExecAsync(["nft", "list", "table", "inet", "wgagent"]);
        if (result.ExitCode == 0)
        {
            return result.StandardOutput;
        }

        Assert.Contains("No such file or directory", result.StandardError, StringComparison.Ordinal);
        return null;
    }

    /// <summary>Runs an nft script inside (e.g. to tamper with the table) and requires success.</summary>
    public async Task NftAsync(string script)
    {
        var result = await ExecAsync(["nft", "-f", "-"], script);
        Assert.True(result.ExitCode == 0, $"nft -f - failed: {result.StandardError}");
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path))
        {
            await Run.CommandAsync(["ip", "netns", "del", Name]);
        }

        NamespaceOwners.Forget(Name);
    }

    /// <summary>The guard: a kill switch in the machine's own namespace would cut it off, so prove this is another one.
    /// (PID 1's namespace is compared too where it is visible; in a container it may not be.)</summary>
    private async Task EnsureNotTheMachinesNamespaceAsync()
    {
        var own = await NamespaceIdAsync("/proc/self/ns/net");
        var init = await NamespaceIdAsync("/proc/1/ns/net");
        var scratch = await NamespaceIdAsync(Path);
        if (scratch is null || own is null || scratch == own || scratch == init)
        {
            throw new InvalidOperationException($"{Path} ({scratch}) is not a separate network namespace (own {own}, init {init}): refusing to touch nftables");
        }
    }

    private static async Task<string?> NamespaceIdAsync(string path)
    {
        var result = await Run.CommandAsync(["stat", "-L", "-c", "%d:%i", path]);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }
}
