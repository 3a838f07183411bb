using System.Net;

namespace WgAgent.Core.Firewall;

/// <summary>Orders addresses IPv4 first, then by value (byte by byte), as nft lists an interval set.</summary>
internal sealed class AddressOrder : IComparer<IPAddress>
{
    public static AddressOrder Instance { get; } = new();

    public int Compare(IPAddress? x, IPAddress? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // Into the stack, not GetAddressBytes: sorting 10,000 scrapers makes some 300,000 comparisons.
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        x.TryWriteBytes(a, out var lengthA);
        y.TryWriteBytes(b, out var lengthB);
        return lengthA != lengthB ? lengthA.CompareTo(lengthB) : a[..lengthA].SequenceCompareTo(b[..lengthB]);
    }
}
