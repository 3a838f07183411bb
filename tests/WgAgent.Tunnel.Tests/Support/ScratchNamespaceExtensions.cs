using System.Text.Json;
using WgAgent.Lab.Netns;

namespace WgAgent.Tunnel.Tests.Support;

/// <summary>This suite's address helpers on a <see cref="ScratchNamespace"/>.</summary>
internal static class ScratchNamespaceExtensions
{
    /// <summary>The addresses on <paramref name="device"/> as the kernel lists them (<c>ip -j address show</c>), as
    /// "address/prefix", sorted ordinally.</summary>
    public static async Task<List<string>> AddressesAsync(this ScratchNamespace scratch, string device)
    {
        var result = await scratch.IpAsync("-j", "address", "show", "dev", device);
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.EnumerateArray()
            .SelectMany(link => link.GetProperty("addr_info").EnumerateArray())
            .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Turns IPv6 duplicate address detection off (or back on) for links created afterwards and existing ones.</summary>
    public static async Task SetDadAsync(this ScratchNamespace scratch, bool enabled) =>
        (await scratch.ExecAsync(["sysctl", "-q", "-w", $"net.ipv6.conf.all.accept_dad={(enabled ? 1 : 0)}",
            $"net.ipv6.conf.default.accept_dad={(enabled ? 1 : 0)}"])).EnsureSuccess();
}
