using System.Security.Cryptography;
using System.Text.Json;

namespace WgAgent.Tunnel.Tests.Support;

/// <summary>
/// A fresh network namespace for one test, loopback up, deleted on dispose (also when the test fails). Every link and
/// address change of this suite happens inside one, through <see cref="IpAsync"/> (<c>ip -n NAME</c>), after
/// <see cref="CreateAsync"/> proved it is not the machine's own namespace.
/// </summary>
internal sealed class ScratchNamespace : IAsyncDisposable
{
    public const string Prefix = "wgn-";

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
    public Task IpAsync(params string[] arguments) => Run.CheckedAsync(["ip", "-n", Name, .. arguments]);

    /// <summary>Runs a command inside the namespace and requires success.</summary>
    public Task ExecAsync(params string[] argv) => Run.CheckedAsync(["ip", "netns", "exec", Name, .. argv]);

    /// <summary>A veth pair, both ends up, so the named end is up and running (IFF_RUNNING needs the peer up).</summary>
    public async Task AddVethAsync(string name, string peer, bool up = true)
    {
        await IpAsync("link", "add", name, "type", "veth", "peer", "name", peer);
        if (up)
        {
            await IpAsync("link", "set", peer, "up");
            await IpAsync("link", "set", name, "up");
        }
    }

    /// <summary>The addresses on <paramref name="device"/> as the kernel lists them (<c>ip -j address show</c>), as
    /// "address/prefix", sorted ordinally.</summary>
    public async Task<List<string>> AddressesAsync(string device)
    {
        var result = await Run.CheckedAsync("ip", "-n", Name, "-j", "address", "show", "dev", device);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.EnumerateArray()
            .SelectMany(link => link.GetProperty("addr_info").EnumerateArray())
            .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Turns IPv6 duplicate address detection off (or back on) for links created afterwards and existing ones.</summary>
    public Task SetDadAsync(bool enabled) =>
        ExecAsync("sysctl", "-q", "-w", $"net.ipv6.conf.all.accept_dad={(enabled ? 1 : 0)}",
            $"net.ipv6.conf.default.accept_dad={(enabled ? 1 : 0)}");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path))
        {
            await Run.CommandAsync("ip", "netns", "del", Name);
        }

        NamespaceOwners.Forget(Name);
    }

    // The guard: link changes in the machine's own namespace could cut it off, so prove this one is another.
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
