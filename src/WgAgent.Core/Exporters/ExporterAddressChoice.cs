using System.Net.Sockets;
using WgAgent.Core.Net;
using WgAgent.Core.Tunnel;

namespace WgAgent.Core.Exporters;

/// <summary>
/// Which addresses the exporters should listen on at one moment: the tunnel's live addresses when it is up (they are
/// what scrapers can reach, even when someone gave wg0 another address by hand), else the wg-quick file's
/// <c>Address</c> lines (what wg-quick will assign; FreeBind lets the sockets wait for it).
/// </summary>
public static class ExporterAddressChoice
{
    /// <summary>Chooses the addresses.</summary>
    /// <param name="tunnel">The interface as netlink shows it.</param>
    /// <param name="configured">The wg-quick file's <c>Address</c> lines.</param>
    /// <returns>
    /// The addresses in a stable order — configured ones in file order, then any others sorted — so the same set always
    /// renders the same unit file and an unchanged tunnel never causes a rewrite (or an exporter restart).
    /// </returns>
    public static IReadOnlyList<IpNetwork> Choose(TunnelState tunnel, IReadOnlyList<IpNetwork> configured)
    {
        ArgumentNullException.ThrowIfNull(tunnel);
        ArgumentNullException.ThrowIfNull(configured);
        if (!tunnel.IsUp)
        {
            return configured;
        }

        var live = tunnel.UsableAddresses
            .Where(a => !(a.Address.AddressFamily == AddressFamily.InterNetworkV6 && a.Address.IsIPv6LinkLocal))
            .Select(a => a.Address)
            .Distinct()
            .ToList();
        var result = new List<IpNetwork>();
        foreach (var network in configured)
        {
            if (live.Remove(network.Address))
            {
                result.Add(network);
            }
        }

        var others = tunnel.UsableAddresses.Where(a => live.Contains(a.Address)).DistinctBy(a => a.Address)
            .OrderBy(a => a.IsIPv4 ? 0 : 1)
            .ThenBy(a => a.Address.GetAddressBytes(), ByteOrder.Instance)
            .Select(a => new IpNetwork(a.Address, a.PrefixLength));
        result.AddRange(others);
        return result;
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => ((ReadOnlySpan<byte>)x).SequenceCompareTo(y);
    }
}
