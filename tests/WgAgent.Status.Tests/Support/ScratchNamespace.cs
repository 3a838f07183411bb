using System.Security.Cryptography;

namespace WgAgent.Status.Tests.Support;

/// <summary>
/// A fresh network namespace for one test, loopback up, deleted on dispose (also when the test fails; a crashed run's
/// are reaped at the next start, see <see cref="NamespaceOwners"/>). Every address change of this suite happens inside
/// one, after <see cref="CreateAsync"/> proved it is not the machine's own namespace.
/// </summary>
internal sealed class ScratchNamespace : IAsyncDisposable
{
    public const string Prefix = "wgs-";

    private ScratchNamespace(string name) => Name = name;

    public string Name { get; }

    public string Path => $"/run/netns/{Name}";

    public static async Task<ScratchNamespace> CreateAsync()
    {
        Root.Require();
        await NamespaceOwners.ReapStaleAsync();
        var name = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        NamespaceOwners.Record(name);
        var created = new ScratchNamespace(name);
        try
        {
            await Run.CheckedAsync("ip", "netns", "add", name);
            await created.EnsureSeparateAsync();
            await created.IpAsync("link", "set", "lo", "up");
            return created;
        }
        catch
        {
            await created.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>ip -n NAME ARGS</c> and requires success.</summary>
    public Task<RunResult> IpAsync(params string[] arguments) => Run.CheckedAsync(["ip", "-n", Name, .. arguments]);

    /// <summary>Runs a command inside the namespace.</summary>
    public Task<RunResult> ExecAsync(params string[] argv) => Run.CommandAsync(["ip", "netns", "exec", Name, .. argv]);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path))
        {
            await Run.CommandAsync("ip", "netns", "del", Name);
        }

        NamespaceOwners.Forget(Name);
    }

    // The guard: address changes in the machine's own namespace could cut it off, so prove this one is another.
    private async Task EnsureSeparateAsync()
    {
        var own = await IdAsync("/proc/self/ns/net");
        var init = await IdAsync("/proc/1/ns/net");
        var scratch = await IdAsync(Path);
        if (scratch is null || own is null || scratch == own || scratch == init)
        {
            throw new InvalidOperationException($"{Path} ({scratch}) is not a separate network namespace (own {own}, init {init})");
        }
    }

    private static async Task<string?> IdAsync(string path)
    {
        var result = await Run.CommandAsync("stat", "-L", "-c", "%d:%i", path);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }
}
