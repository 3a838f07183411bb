using System.Globalization;
using System.Net;
using System.Text;

namespace WgAgent.Lab.WireGuard;

/// <summary>One host's <c>wg0</c>: keys, addresses, port, fwmark and peers; renders a wg-quick config.</summary>
/// <param name="HostName">The host's role name.</param>
/// <param name="Keys">The host's key pair.</param>
/// <param name="Addresses">Interface addresses with prefix length (v4 and v6).</param>
/// <param name="ListenPort">The UDP listen port.</param>
/// <param name="FwMark">The fwmark on its WireGuard UDP, or null for none.</param>
/// <param name="Peers">The peers it talks to.</param>
public sealed record TunnelConfig(
    string HostName,
    WireGuardKeyPair Keys,
    IReadOnlyList<(IPAddress Address, int PrefixLength)> Addresses,
    int ListenPort,
    uint? FwMark,
    IReadOnlyList<WireGuardPeer> Peers)
{
    /// <summary>The interface name: always wg0 (PRODUCT.md: wg-quick@wg0).</summary>
    public const string InterfaceName = "wg0";

    /// <summary>
    /// The config for /etc/wireguard/wg0.conf (wg-quick(8)): what a booted host's wg-quick@wg0 needs.
    /// Contains the private key.
    /// </summary>
    public string ToWgQuickConfig()
    {
        var text = new StringBuilder();
        text.Append("# ").Append(HostName).Append("'s wg0, generated for one lab run\n");
        text.Append("[Interface]\n");
        text.Append("PrivateKey = ").Append(Keys.PrivateKey).Append('\n');
        text.Append("Address = ").Append(string.Join(", ", Addresses.Select(a => $"{a.Address}/{a.PrefixLength}"))).Append('\n');
        text.Append("ListenPort = ").Append(ListenPort.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (FwMark is { } mark)
        {
            text.Append("FwMark = 0x").Append(mark.ToString("x", CultureInfo.InvariantCulture)).Append('\n');
        }

        foreach (var peer in Peers)
        {
            text.Append('\n');
            text.Append("# ").Append(peer.Name).Append('\n');
            text.Append("[Peer]\n");
            text.Append("PublicKey = ").Append(peer.PublicKey).Append('\n');
            text.Append("Endpoint = ").Append(peer.Endpoint).Append('\n');
            text.Append("AllowedIPs = ").Append(string.Join(", ", peer.AllowedIps)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The arguments after <c>wg set wg0</c> (the private key is read from <paramref name="privateKeyPath"/>).</summary>
    internal IReadOnlyList<string> ToWgSetArguments(string privateKeyPath)
    {
        var args = new List<string>
        {
            "private-key", privateKeyPath,
            "listen-port", ListenPort.ToString(CultureInfo.InvariantCulture),
        };
        if (FwMark is { } mark)
        {
            args.AddRange(["fwmark", "0x" + mark.ToString("x", CultureInfo.InvariantCulture)]);
        }

        foreach (var peer in Peers)
        {
            args.AddRange(["peer", peer.PublicKey, "allowed-ips", peer.AllowedIpsText, "endpoint", peer.Endpoint.ToString()]);
        }

        return args;
    }

    /// <summary>Never prints the private key.</summary>
    public override string ToString() => $"{HostName} {InterfaceName} ({Keys})";
}
