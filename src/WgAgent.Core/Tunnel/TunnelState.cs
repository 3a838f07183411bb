using System.Net;
using WgAgent.Core.Net;

namespace WgAgent.Core.Tunnel;

/// <summary>What is known about the watched interface at one moment. Immutable; equal when everything in it is.</summary>
public sealed record TunnelState
{
    private TunnelState(InterfaceName @interface, TunnelPhase phase, NetworkLink? link, IReadOnlyList<InterfaceAddress> addresses)
    {
        Interface = @interface;
        Phase = phase;
        Link = link;
        Addresses = addresses;
        UsableAddresses = addresses.Where(a => a.IsUsable).ToArray();
    }

    /// <summary>The interface name from the config (<c>wireguard.interface</c>).</summary>
    public InterfaceName Interface { get; }

    /// <summary>The phase.</summary>
    public TunnelPhase Phase { get; }

    /// <summary>The link when it exists.</summary>
    public NetworkLink? Link { get; }

    /// <summary>Every address on the link (also tentative and link-local ones): IPv4 first, then by value and prefix.</summary>
    public IReadOnlyList<InterfaceAddress> Addresses { get; }

    /// <summary>The addresses a service can bind now (<see cref="InterfaceAddress.IsUsable"/>), in the same order.</summary>
    public IReadOnlyList<InterfaceAddress> UsableAddresses { get; }

    /// <summary>The usable IPv4 addresses.</summary>
    public IEnumerable<IPAddress> UsableIPv4 => UsableAddresses.Where(a => a.IsIPv4).Select(a => a.Address);

    /// <summary>The usable IPv6 addresses.</summary>
    public IEnumerable<IPAddress> UsableIPv6 => UsableAddresses.Where(a => !a.IsIPv4).Select(a => a.Address);

    /// <summary>True when the link exists.</summary>
    public bool IsPresent => Link is not null;

    /// <summary>True in <see cref="TunnelPhase.Up"/>.</summary>
    public bool IsUp => Phase == TunnelPhase.Up;

    /// <summary>The state before anything is known.</summary>
    /// <param name="interface">The watched name.</param>
    /// <returns>A state in <see cref="TunnelPhase.Unknown"/>.</returns>
    public static TunnelState Unknown(InterfaceName @interface) => new(@interface, TunnelPhase.Unknown, null, []);

    /// <summary>The state of a link with these addresses (or of an absent one), with the phase derived from them.</summary>
    /// <param name="interface">The watched name.</param>
    /// <param name="link">The link, or null when absent.</param>
    /// <param name="addresses">Its addresses, in any order (ignored when <paramref name="link"/> is null).</param>
    /// <returns>The state.</returns>
    public static TunnelState Create(InterfaceName @interface, NetworkLink? link, IEnumerable<InterfaceAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(@interface);
        ArgumentNullException.ThrowIfNull(addresses);
        if (link is null)
        {
            return new TunnelState(@interface, TunnelPhase.Absent, null, []);
        }

        var sorted = addresses.Order(AddressOrder.Instance).ToArray();
        var up = link.IsUp && sorted.Any(a => a.IsUsable);
        return new TunnelState(@interface, up ? TunnelPhase.Up : TunnelPhase.Present, link, sorted);
    }

    /// <inheritdoc/>
    public bool Equals(TunnelState? other) =>
        other is not null && Interface.Equals(other.Interface) && Phase == other.Phase && Equals(Link, other.Link)
        && Addresses.SequenceEqual(other.Addresses);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Interface, Phase, Link, Addresses.Count);

    /// <summary>E.g. <c>wg0 up: wg0 (#7, tun, up), 10.0.0.2/24, fd00::2/64</c>.</summary>
    public override string ToString() =>
        $"{Interface} {Phase.ToString().ToLowerInvariant()}"
        + (Link is null ? "" : $": {Link}") + string.Concat(Addresses.Select(a => $", {a}"));

    private sealed class AddressOrder : IComparer<InterfaceAddress>
    {
        public static readonly AddressOrder Instance = new();

        public int Compare(InterfaceAddress? x, InterfaceAddress? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var family = y.IsIPv4.CompareTo(x.IsIPv4);
            if (family != 0)
            {
                return family;
            }

            var bytes = x.Address.GetAddressBytes().AsSpan().SequenceCompareTo(y.Address.GetAddressBytes());
            return bytes != 0 ? bytes : x.PrefixLength.CompareTo(y.PrefixLength);
        }
    }
}
