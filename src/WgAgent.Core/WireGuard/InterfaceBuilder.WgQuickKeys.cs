using System.Globalization;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>The [Interface] keys only wg-quick(8) reads (it strips them before handing the rest to wg(8)).</summary>
internal sealed partial class InterfaceBuilder
{
    private void ReadDns(ConfigLine line)
    {
        // wg-quick(8) takes an entry made of digits and dots, or holding a colon, as a server; anything
        // else is a search domain.
        foreach (var item in ValueItem.Split(line.Value, line.ValuePosition, whitespaceSeparates: true))
        {
            if (IpAddressParser.LooksLikeAddress(item.Text))
            {
                if (IpAddressParser.TryParse(item.Text, out var server, out var error))
                {
                    _dnsServers.Add(server);
                }
                else
                {
                    Error(item.Position, ConfigKeys.Dns, error);
                }
            }
            else if (HostName.IsValid(item.Text, out var reason))
            {
                _dnsSearchDomains.Add(item.Text);
            }
            else
            {
                Error(item.Position, ConfigKeys.Dns,
                    $"{DiagnosticText.Quote(item.Text)} is neither a DNS server address nor a search domain: {reason}");
            }
        }
    }

    private void ReadTable(ConfigLine line)
    {
        var value = line.Value;
        // wg-quick(8) compares "off" and "auto" after it has turned case-insensitive matching off again.
        if (value is "off" or "auto")
        {
            _table = value == "off" ? WireGuardRouteTable.Off : WireGuardRouteTable.Auto;
            return;
        }
        if (value.All(char.IsAsciiDigit))
        {
            if (uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                _table = WireGuardRouteTable.FromNumber(number);
            }
            else
            {
                Error(line.ValuePosition, ConfigKeys.Table, $"{DiagnosticText.Quote(value)} is not a routing table number (0-4294967295)");
            }
            return;
        }
        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            Error(line.ValuePosition, ConfigKeys.Table,
                $"{DiagnosticText.Quote(value)} is not a routing table: use \"auto\", \"off\", a number or a name from /etc/iproute2/rt_tables");
            return;
        }
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase) || value.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            Warning(line.ValuePosition, ConfigKeys.Table,
                $"{DiagnosticText.Quote(value)} is taken as a table name; wg-quick(8) only knows \"{value.ToLowerInvariant()}\" in lower case");
        }
        _table = WireGuardRouteTable.FromName(value);
    }

    private void ReadMtu(ConfigLine line)
    {
        if (line.Value.Length is > 0 and <= 5 && line.Value.All(char.IsAsciiDigit)
            && int.Parse(line.Value, NumberStyles.None, CultureInfo.InvariantCulture) is >= MinMtu and <= MaxMtu and var mtu)
        {
            _mtu = mtu;
            _mtuPosition = line.ValuePosition;
            return;
        }
        Error(line.ValuePosition, ConfigKeys.Mtu, $"{DiagnosticText.Quote(line.Value)} is not an MTU ({MinMtu}-{MaxMtu})");
    }

    private void ReadSaveConfig(ConfigLine line)
    {
        Keep(line, line.Value);
        // wg-quick(8) reads it while matching case-insensitively and stops ("neither true nor false") otherwise.
        if (!line.Value.Equals("true", StringComparison.OrdinalIgnoreCase) && !line.Value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            Error(line.ValuePosition, ConfigKeys.SaveConfig, $"{DiagnosticText.Quote(line.Value)} is neither true nor false");
        }
    }
}
