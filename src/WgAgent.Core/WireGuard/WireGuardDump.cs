using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// One interface as the kernel reports it (<c>wg show INTERFACE dump</c>). Immutable. The private key,
/// the first field of wg's output, is dropped while parsing; <see cref="HasPrivateKey"/> only says whether
/// the interface has one.
/// </summary>
public sealed class WireGuardDump
{
    /// <summary>The interface name, when parsed from <c>wg show all dump</c>; null for a single interface.</summary>
    public InterfaceName? Interface { get; init; }

    /// <summary>Whether the interface has a private key.</summary>
    public bool HasPrivateKey { get; init; }

    /// <summary>The interface's public key; null when it has no private key (<c>(none)</c>).</summary>
    public WireGuardKey? PublicKey { get; init; }

    /// <summary>The UDP port it listens on; null when it has none (0, interface down).</summary>
    public int? ListenPort { get; init; }

    /// <summary>The firewall mark on its packets; 0 when <c>off</c>.</summary>
    public uint FwMark { get; init; }

    /// <summary>The peers, in the kernel's order.</summary>
    public IReadOnlyList<WireGuardPeerState> Peers { get; init; } = [];

    /// <summary>A one-line summary for logs, without secrets.</summary>
    public override string ToString() =>
        $"{(Interface is null ? "" : Interface + ": ")}public-key {PublicKey?.ToString() ?? "(none)"} listen-port {ListenPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} " +
        $"fwmark {(FwMark == 0 ? "off" : $"0x{FwMark:x}")}; {Peers.Count} {(Peers.Count == 1 ? "peer" : "peers")}";
}
