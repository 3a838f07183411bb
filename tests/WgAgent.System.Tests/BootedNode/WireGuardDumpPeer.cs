using System.Globalization;

namespace WgAgent.System.Tests.BootedNode;

/// <summary>One peer line of <c>wg show IFACE dump</c> (wg(8)): tab-separated, handshake in epoch seconds.</summary>
public sealed record WireGuardDumpPeer(string PublicKey, string Endpoint, string AllowedIps, long LatestHandshake)
{
    /// <summary>The peer lines of a dump (the first line is the interface itself).</summary>
    public static IReadOnlyList<WireGuardDumpPeer> Parse(string dump) =>
    [
        .. dump.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 8)
            .Select(f => new WireGuardDumpPeer(f[0], f[2], f[3], long.Parse(f[4], CultureInfo.InvariantCulture))),
    ];
}
