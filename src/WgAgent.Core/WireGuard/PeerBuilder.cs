using System.Globalization;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>Reads the keys of one [Peer] into a <see cref="WireGuardPeer"/>.</summary>
internal sealed class PeerBuilder(int index, TextPosition header, DiagnosticBag bag, List<WireGuardRawEntry> rawEntries)
    : SectionBuilder($"Peer[{index}]", header, bag, rawEntries)
{
    private readonly List<(IpNetwork Network, TextPosition Position)> _allowedIPs = [];
    private WireGuardKey? _publicKey;
    private TextPosition _publicKeyPosition;
    private bool _hasPresharedKey;
    private Endpoint? _endpoint;
    private int? _persistentKeepalive;
    private bool _sawAllowedIPs;

    /// <summary>The peer's number in the file, from 1.</summary>
    public int Index { get; } = index;

    /// <summary>The public key read so far, and where it was written.</summary>
    public (WireGuardKey? Key, TextPosition Position) PublicKey => (_publicKey, _publicKeyPosition);

    /// <summary>The allowed IPs read so far, with where each was written.</summary>
    public IReadOnlyList<(IpNetwork Network, TextPosition Position)> AllowedIPs => _allowedIPs;

    public override void Accept(ConfigLine line, string key)
    {
        if (!ConfigKeys.IsRepeatable(key) && !FirstOccurrence(line, key))
        {
            return;
        }
        switch (key)
        {
            case ConfigKeys.PublicKey: ReadPublicKey(line); break;
            case ConfigKeys.PresharedKey: ReadPresharedKey(line); break;
            case ConfigKeys.Endpoint: ReadEndpoint(line); break;
            case ConfigKeys.AllowedIPs: ReadAllowedIPs(line); break;
            case ConfigKeys.PersistentKeepalive: ReadPersistentKeepalive(line); break;
        }
    }

    /// <summary>Checks what must be there and builds the model (null without a usable public key).</summary>
    public WireGuardPeer? Build()
    {
        if (_publicKey is null)
        {
            // A malformed key was reported where it was written; only a missing one is reported here.
            if (_publicKeyPosition == default)
            {
                Error(Header, ConfigKeys.PublicKey, "missing; every [Peer] needs the peer's public key",
                    "add \"PublicKey = ...\" (the output of \"wg pubkey\" on the peer)");
            }
            return null;
        }
        if (!_sawAllowedIPs)
        {
            Warning(Header, ConfigKeys.AllowedIPs, "missing; no traffic will be sent to or accepted from this peer");
        }
        return new WireGuardPeer
        {
            Index = Index,
            Position = Header,
            PublicKey = _publicKey,
            HasPresharedKey = _hasPresharedKey,
            Endpoint = _endpoint,
            AllowedIPs = _allowedIPs.Select(item => item.Network).ToArray(),
            PersistentKeepalive = _persistentKeepalive,
        };
    }

    private void ReadPublicKey(ConfigLine line)
    {
        _publicKeyPosition = line.ValuePosition;
        if (WireGuardKey.TryParse(line.Value, out var key, out var error))
        {
            _publicKey = key;
        }
        else
        {
            Error(line.ValuePosition, ConfigKeys.PublicKey, error, "copy the peer's key as \"wg pubkey\" prints it");
        }
    }

    private void ReadPresharedKey(ConfigLine line)
    {
        if (WireGuardKey.IsWellFormed(line.Value, out var reason))
        {
            _hasPresharedKey = true;
            return;
        }
        Error(line.ValuePosition, ConfigKeys.PresharedKey, $"not a WireGuard key: {reason} (the value is a secret and not shown)",
            "generate one with \"wg genpsk\"");
    }

    private void ReadEndpoint(ConfigLine line)
    {
        if (Endpoint.TryParse(line.Value, out var endpoint, out var error))
        {
            _endpoint = endpoint;
        }
        else
        {
            Error(line.ValuePosition, ConfigKeys.Endpoint, error);
        }
    }

    private void ReadAllowedIPs(ConfigLine line)
    {
        _sawAllowedIPs = true;
        // wg(8) splits at commas only; an empty value means no allowed IPs, an empty element is an error.
        foreach (var item in ValueItem.Split(line.Value, line.ValuePosition, whitespaceSeparates: false))
        {
            if (item.Text.Length == 0)
            {
                Error(item.Position, ConfigKeys.AllowedIPs, "empty element in the list (a stray \",\")");
                continue;
            }
            if (!IpNetwork.TryParseHostOrNetwork(item.Text, out var network, out var error))
            {
                Error(item.Position, ConfigKeys.AllowedIPs, error);
                continue;
            }
            if (network.HasHostBits)
            {
                // The kernel masks allowed IPs; wg(8) warns "AllowedIP has nonzero host part".
                Warning(item.Position, ConfigKeys.AllowedIPs,
                    $"{DiagnosticText.Quote(item.Text)} has host bits set; the kernel uses {network.Network}",
                    $"write \"{network.Network}\"");
                network = network.Network;
            }
            _allowedIPs.Add((network, item.Position));
        }
    }

    private void ReadPersistentKeepalive(ConfigLine line)
    {
        var value = line.Value;
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        if (value.Length is > 0 and <= 5 && value.All(char.IsAsciiDigit)
            && int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) is >= 0 and <= 65535 and var seconds)
        {
            _persistentKeepalive = seconds == 0 ? null : seconds;
            return;
        }
        Error(line.ValuePosition, ConfigKeys.PersistentKeepalive,
            $"{DiagnosticText.Quote(value)} is not a keepalive interval: use \"off\" or 1-65535 seconds");
    }
}
