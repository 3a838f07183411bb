using System.Globalization;
using System.Net;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>Reads the keys of [Interface] into a <see cref="WireGuardInterface"/>; this part holds the keys wg(8) itself reads.</summary>
internal sealed partial class InterfaceBuilder(TextPosition header, DiagnosticBag bag, List<WireGuardRawEntry> rawEntries)
    : SectionBuilder("Interface", header, bag, rawEntries)
{
    // Linux refuses MTUs below 68 (RFC 791's minimum) and the field is 16 bits.
    private const int MinMtu = 68;
    private const int MaxMtu = 65535;
    // Below this the kernel drops IPv6 from the interface (RFC 8200's minimum link MTU).
    private const int MinIPv6Mtu = 1280;

    private readonly List<IpNetwork> _addresses = [];
    private readonly List<IPAddress> _dnsServers = [];
    private readonly List<string> _dnsSearchDomains = [];
    private int? _listenPort;
    private uint? _fwMark;
    private bool _hasPrivateKey;
    private bool _sawPrivateKey;
    private bool _privateKeyFromHook;
    private WireGuardRouteTable _table = WireGuardRouteTable.Auto;
    private int? _mtu;
    private TextPosition _mtuPosition;

    public override void Accept(ConfigLine line, string key)
    {
        if (ConfigKeys.IsHook(key))
        {
            Keep(line, line.RawValue);
            // "PostUp = wg set %i private-key /etc/wireguard/key" is a common way to keep the key out of
            // the file; then a missing PrivateKey line is intended.
            _privateKeyFromHook |= line.RawValue.Contains("private-key", StringComparison.Ordinal);
            return;
        }
        if (!ConfigKeys.IsRepeatable(key) && !FirstOccurrence(line, key))
        {
            return;
        }
        if (line.Value.Length == 0 && key is ConfigKeys.Address or ConfigKeys.Dns or ConfigKeys.Mtu or ConfigKeys.Table)
        {
            Warning(line.ValuePosition, key, "the value is empty; wg-quick(8) ignores this line");
            return;
        }
        switch (key)
        {
            case ConfigKeys.Address: ReadAddresses(line); break;
            case ConfigKeys.ListenPort: ReadListenPort(line); break;
            case ConfigKeys.FwMark: ReadFwMark(line); break;
            case ConfigKeys.PrivateKey: ReadPrivateKey(line); break;
            case ConfigKeys.Dns: ReadDns(line); break;
            case ConfigKeys.Table: ReadTable(line); break;
            case ConfigKeys.Mtu: ReadMtu(line); break;
            case ConfigKeys.SaveConfig: ReadSaveConfig(line); break;
        }
    }

    /// <summary>Checks what must be there and builds the model (null when [Interface] cannot be used).</summary>
    public WireGuardInterface? Build()
    {
        if (_addresses.Count == 0)
        {
            Error(Header, ConfigKeys.Address, "missing; wgagent needs the tunnel's own address",
                "add the host's WireGuard address with its prefix, e.g. \"Address = 10.0.0.2/24\"");
        }
        // A malformed key was reported where it was written; only a missing one is reported here.
        if (!_sawPrivateKey && !_privateKeyFromHook)
        {
            Warning(Header, ConfigKeys.PrivateKey, "missing; the interface cannot complete a handshake without it",
                "add \"PrivateKey = ...\" (from wg genkey) or set it in PostUp with \"wg set %i private-key FILE\"");
        }
        var ipv6 = _addresses.Where(address => address.IsIPv6).ToArray();
        if (_mtu < MinIPv6Mtu && ipv6.Length > 0)
        {
            Warning(_mtuPosition, ConfigKeys.Mtu,
                $"{_mtu} is below {MinIPv6Mtu}, the IPv6 minimum; the kernel removes IPv6 ({string.Join(", ", ipv6)}) from such an interface");
        }
        return _addresses.Count == 0 ? null : new WireGuardInterface
        {
            Position = Header,
            Addresses = _addresses.ToArray(),
            ListenPort = _listenPort,
            FwMark = _fwMark,
            HasPrivateKey = _hasPrivateKey,
            DnsServers = _dnsServers.ToArray(),
            DnsSearchDomains = _dnsSearchDomains.ToArray(),
            Table = _table,
            Mtu = _mtu,
        };
    }

    private void ReadAddresses(ConfigLine line)
    {
        // wg-quick(8) word-splits Address after turning commas into spaces, and ip(8) takes a bare
        // address as a single host.
        foreach (var item in ValueItem.Split(line.Value, line.ValuePosition, whitespaceSeparates: true))
        {
            if (IpNetwork.TryParseHostOrNetwork(item.Text, out var network, out var error))
            {
                _addresses.Add(network);
            }
            else
            {
                Error(item.Position, ConfigKeys.Address, error);
            }
        }
    }

    private void ReadListenPort(ConfigLine line)
    {
        // 0 asks the kernel for a free port, as if ListenPort were absent (wg(8)).
        if (line.Value.Length > 0 && line.Value.All(c => c == '0'))
        {
            return;
        }
        if (PortNumber.TryParse(line.Value, out var port, out var error))
        {
            _listenPort = port;
        }
        else
        {
            Error(line.ValuePosition, ConfigKeys.ListenPort, error);
        }
    }

    private void ReadFwMark(ConfigLine line)
    {
        if (FwMarkParser.TryParse(line.Value, out var mark, out var error))
        {
            _fwMark = mark;
        }
        else
        {
            Error(line.ValuePosition, ConfigKeys.FwMark, error);
        }
    }

    private void ReadPrivateKey(ConfigLine line)
    {
        _sawPrivateKey = true;
        if (WireGuardKey.IsWellFormed(line.Value, out var reason))
        {
            _hasPrivateKey = true;
            return;
        }
        Error(line.ValuePosition, ConfigKeys.PrivateKey, $"not a WireGuard key: {reason} (the value is a secret and not shown)",
            "generate one with \"wg genkey\"");
    }
}
