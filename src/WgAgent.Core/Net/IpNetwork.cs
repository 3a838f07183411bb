using System.Net;
using System.Net.Sockets;

namespace WgAgent.Core.Net;

/// <summary>
/// An IPv4 or IPv6 address with a prefix length (CIDR notation), immutable.
/// </summary>
/// <remarks>
/// Host bits are kept as written: <c>Address = 10.0.0.2/24</c> in wg0.conf means "this host is 10.0.0.2
/// on the 10.0.0.0/24 network", exactly as wg-quick(8) hands it to <c>ip address add</c>, so rejecting or
/// clearing host bits would lose the host's own address. <see cref="HasHostBits"/> says whether there are
/// any and <see cref="Network"/> gives the network itself (what a route or a firewall match wants).
/// Equality compares the address as written and the prefix length: 10.0.0.2/24 is not 10.0.0.0/24.
/// </remarks>
public sealed partial class IpNetwork : IEquatable<IpNetwork>
{
    private readonly byte[] _bytes;

    /// <summary>Creates a network from an address and a prefix length.</summary>
    /// <param name="address">An IPv4 or IPv6 address (its scope id, if any, is dropped).</param>
    /// <param name="prefixLength">0-32 for IPv4, 0-128 for IPv6.</param>
    /// <exception cref="ArgumentException">The family is neither IPv4 nor IPv6.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The prefix length does not fit the family.</exception>
    public IpNetwork(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException("Only IPv4 and IPv6 addresses have networks.", nameof(address));
        }
        _bytes = address.GetAddressBytes();
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, _bytes.Length * 8);
        PrefixLength = prefixLength;
    }

    /// <summary>The address as written, host bits included. Each call returns a fresh copy.</summary>
    public IPAddress Address => new(_bytes);

    /// <summary>The address bytes as written (4 or 16), without the copy <see cref="Address"/> makes.</summary>
    internal ReadOnlySpan<byte> AddressBytes => _bytes;

    /// <summary>The number of leading bits that name the network.</summary>
    public int PrefixLength { get; }

    /// <summary><see cref="AddressFamily.InterNetwork"/> or <see cref="AddressFamily.InterNetworkV6"/>.</summary>
    public AddressFamily AddressFamily => IsIPv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;

    /// <summary>True for an IPv4 network.</summary>
    public bool IsIPv4 => _bytes.Length == 4;

    /// <summary>True for an IPv6 network.</summary>
    public bool IsIPv6 => _bytes.Length == 16;

    /// <summary>32 for IPv4, 128 for IPv6.</summary>
    public int MaxPrefixLength => _bytes.Length * 8;

    /// <summary>True when the prefix is 0 (<c>0.0.0.0/0</c>, <c>::/0</c>): everything of that family.</summary>
    public bool IsDefaultRoute => PrefixLength == 0;

    /// <summary>True when the prefix covers the whole address (a /32 or /128: a single host).</summary>
    public bool IsSingleHost => PrefixLength == MaxPrefixLength;

    /// <summary>True when bits after the prefix are set, as in <c>10.0.0.2/24</c>.</summary>
    public bool HasHostBits
    {
        get
        {
            for (var bit = PrefixLength; bit < MaxPrefixLength; bit++)
            {
                if ((_bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>The network itself: host bits cleared (<c>10.0.0.2/24</c> gives <c>10.0.0.0/24</c>).</summary>
    public IpNetwork Network
    {
        get
        {
            if (!HasHostBits)
            {
                return this;
            }
            var masked = (byte[])_bytes.Clone();
            for (var bit = PrefixLength; bit < MaxPrefixLength; bit++)
            {
                masked[bit / 8] &= (byte)~(0x80 >> (bit % 8));
            }
            return new IpNetwork(new IPAddress(masked), PrefixLength);
        }
    }

    /// <summary>A single-host network: /32 for IPv4, /128 for IPv6.</summary>
    /// <param name="address">The host's address.</param>
    /// <returns>The network holding only that address.</returns>
    public static IpNetwork Host(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new IpNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }

    /// <summary>
    /// True when the address is of the same family and inside the network. An IPv4-mapped IPv6 address
    /// (<c>::ffff:10.0.0.1</c>) is IPv6 here and never inside an IPv4 network, as in nftables.
    /// </summary>
    /// <param name="address">The address to test.</param>
    /// <returns>Whether the first <see cref="PrefixLength"/> bits match.</returns>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var other = address.GetAddressBytes();
        return other.Length == _bytes.Length && PrefixMatches(other, PrefixLength);
    }

    /// <summary>True when every address of <paramref name="other"/> is inside this network.</summary>
    /// <param name="other">A network of any family.</param>
    /// <returns>Whether <paramref name="other"/> is a subnet of (or equal to) this network.</returns>
    public bool Contains(IpNetwork other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other._bytes.Length == _bytes.Length && other.PrefixLength >= PrefixLength
            && PrefixMatches(other._bytes, PrefixLength);
    }

    /// <summary>Renders <c>address/prefix</c> with the address as written, in canonical form (IPv6
    /// compressed and lower case, RFC 5952).</summary>
    public override string ToString() => $"{Address}/{PrefixLength}";

    /// <inheritdoc/>
    public bool Equals(IpNetwork? other) =>
        other is not null && PrefixLength == other.PrefixLength && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IpNetwork);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        hash.Add(PrefixLength);
        return hash.ToHashCode();
    }

    private bool PrefixMatches(byte[] other, int bits)
    {
        for (var bit = 0; bit < bits; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((_bytes[bit / 8] & mask) != (other[bit / 8] & mask))
            {
                return false;
            }
        }
        return true;
    }
}
