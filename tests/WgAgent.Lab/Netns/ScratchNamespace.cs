using System.Security.Cryptography;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Netns;

/// <summary>
/// A fresh network namespace for one test (<c>PREFIX&lt;hex&gt;</c>), loopback up, proved not to be the machine's own
/// before anything is done in it. Every command goes in through <c>ip -n</c> / <c>ip netns exec</c>, and setns-based
/// code gets <see cref="Path"/>. Disposing kills whatever still runs inside and deletes it (also when the test failed).
/// </summary>
/// <remarks>
/// Each suite passes its own prefix, and optionally its own owner directory (<see cref="NamespaceOwners"/>): a crashed
/// run's namespaces are then reaped at the next start, by owner PID, and only within that prefix. A suite without
/// owner records may instead reap its prefix's namespaces by age.
/// </remarks>
public sealed class ScratchNamespace : IAsyncDisposable, IDisposable
{
    private readonly NamespaceOwners? owners;

    private ScratchNamespace(string name, string prefix, NamespaceOwners? owners)
    {
        Name = name;
        Prefix = prefix;
        this.owners = owners;
    }

    /// <summary>The namespace name, as <c>ip netns list</c> shows it.</summary>
    public string Name { get; }

    /// <summary>The prefix the name was made from.</summary>
    public string Prefix { get; }

    /// <summary>The namespace file, for setns(2) (e.g. a NetworkNamespacePath option or nspawn's --network-namespace-path).</summary>
    public string Path => $"/run/netns/{Name}";

    /// <summary>
    /// Creates the namespace and brings its loopback up; throws (so the test fails, never skips) without root.
    /// </summary>
    /// <param name="prefix">Start of the name; the suite's own, so nothing else claims or reaps its namespaces.</param>
    /// <param name="ownerDirectory">Where to record this process as the owner (e.g. /run/wgagent-fwtest); first reaps
    /// the recorded <paramref name="prefix"/>* namespaces whose owner is gone. Null: no records.</param>
    /// <param name="staleAfter">For suites without owner records: first reaps <paramref name="prefix"/>* namespaces
    /// older than this. Null: no age-based reaping.</param>
    /// <param name="randomBytes">Random bytes in the name (two hex digits each).</param>
    public static async Task<ScratchNamespace> CreateAsync(
        string prefix, string? ownerDirectory = null, TimeSpan? staleAfter = null, int randomBytes = 4)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(randomBytes, 1);
        if (!Environment.IsPrivilegedProcess)
        {
            throw new LabException("these tests create network namespaces and need root: run `make test` as root");
        }

        var owners = ownerDirectory is null ? null : new NamespaceOwners(ownerDirectory);
        if (owners is not null)
        {
            await owners.ReapStaleAsync(prefix).ConfigureAwait(false);
        }

        if (staleAfter is { } age)
        {
            await RemoveOlderThanAsync(prefix, age).ConfigureAwait(false);
        }

        var name = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(randomBytes));
        owners?.Record(name);
        var created = new ScratchNamespace(name, prefix, owners);
        try
        {
            await CommandRunner.RunCheckedAsync("ip", "netns", "add", name).ConfigureAwait(false);
            await created.EnsureSeparateAsync().ConfigureAwait(false);
            await created.IpAsync("link", "set", "lo", "up").ConfigureAwait(false);
            return created;
        }
        catch
        {
            await created.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary><see cref="CreateAsync"/> for synchronous callers (it only waits for short `ip` commands).</summary>
    public static ScratchNamespace Create(
        string prefix, string? ownerDirectory = null, TimeSpan? staleAfter = null, int randomBytes = 4) =>
        CreateAsync(prefix, ownerDirectory, staleAfter, randomBytes).GetAwaiter().GetResult();

    /// <summary>Runs <c>ip -n NAME ARGS</c> and requires success.</summary>
    public Task<CommandResult> IpAsync(params string[] arguments) =>
        CommandRunner.RunCheckedAsync(["ip", "-n", Name, .. arguments]);

    /// <summary>Runs a command inside the namespace (<c>ip netns exec</c>); the caller checks the result.</summary>
    public Task<CommandResult> ExecAsync(IReadOnlyList<string> argv, string? standardInput = null, TimeSpan? timeout = null) =>
        CommandRunner.RunAsync(["ip", "netns", "exec", Name, .. argv], timeout, standardInput);

    /// <summary>A veth pair inside; with <paramref name="up"/> both ends are set up, peer first, so the named end is
    /// up and running (IFF_RUNNING needs the peer up).</summary>
    public async Task AddVethAsync(string name, string peer, bool up = true)
    {
        await IpAsync("link", "add", name, "type", "veth", "peer", "name", peer).ConfigureAwait(false);
        if (up)
        {
            await IpAsync("link", "set", peer, "up").ConfigureAwait(false);
            await IpAsync("link", "set", name, "up").ConfigureAwait(false);
        }
    }

    /// <summary>Runs <c>nft</c> with these arguments inside the namespace; the caller checks the result.</summary>
    public Task<CommandResult> NftAsync(IReadOnlyList<string> arguments, string? standardInput = null, TimeSpan? timeout = null) =>
        ExecAsync(["nft", .. arguments], standardInput, timeout);

    /// <summary>Loads a script as one transaction (<c>nft -f -</c>); throws with nft's message when it fails.</summary>
    public async Task<CommandResult> ApplyAsync(string script, TimeSpan? timeout = null) =>
        (await NftAsync(["-f", "-"], script, timeout).ConfigureAwait(false)).EnsureSuccess();

    /// <summary><c>nft list table inet wgagent</c>; throws when it fails (also when the table is absent).</summary>
    public async Task<string> ListTableAsync(TimeSpan? timeout = null) =>
        (await NftAsync(["list", "table", "inet", "wgagent"], timeout: timeout).ConfigureAwait(false)).EnsureSuccess().Stdout;

    /// <summary><c>nft list table inet wgagent</c>, or null when the table is absent; throws on any other failure.</summary>
    public async Task<string?> TryListTableAsync(TimeSpan? timeout = null)
    {
        var result = await NftAsync(["list", "table", "inet", "wgagent"], timeout: timeout).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.Stdout;
        }

        return result.Stderr.Contains("No such file or directory", StringComparison.Ordinal)
            ? null
            : throw new LabException(result.Describe());
    }

    /// <summary><c>nft list tables</c>, one table per line.</summary>
    public async Task<string[]> ListTablesAsync() =>
        (await NftAsync(["list", "tables"]).ConfigureAwait(false)).EnsureSuccess().Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Kills whatever still runs inside, deletes the namespace and its owner record; throws if it stays.</summary>
    public async ValueTask DisposeAsync()
    {
        var problems = await NamespaceReaper.RemoveAsync(Name).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            // The record stays, so the next run reaps it once this process is gone.
            throw new LabException($"removing {Name}: {string.Join("; ", problems)}");
        }

        owners?.Forget(Name);
    }

    /// <summary><see cref="DisposeAsync"/> for synchronous callers.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static async Task RemoveOlderThanAsync(string prefix, TimeSpan age)
    {
        foreach (var name in NamespaceReaper.List().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(System.IO.Path.Combine("/run/netns", name)) > age)
            {
                await NamespaceReaper.RemoveAsync(name).ConfigureAwait(false);
            }
        }
    }

    // The guard: link, address or nft changes in the machine's own namespace could cut it off, so prove this is
    // another one. (PID 1's namespace is compared too where it is visible; in a container it may not be.)
    private async Task EnsureSeparateAsync()
    {
        var own = await IdAsync("/proc/self/ns/net").ConfigureAwait(false);
        var init = await IdAsync("/proc/1/ns/net").ConfigureAwait(false);
        var scratch = await IdAsync(Path).ConfigureAwait(false);
        if (scratch is null || own is null || scratch == own || scratch == init)
        {
            throw new LabException($"{Path} ({scratch}) is not a separate network namespace (own {own}, init {init}): refusing to use it");
        }
    }

    private static async Task<string?> IdAsync(string path)
    {
        var result = await CommandRunner.RunAsync(["stat", "-L", "-c", "%d:%i", path]).ConfigureAwait(false);
        return result.Succeeded ? result.Stdout.Trim() : null;
    }
}
