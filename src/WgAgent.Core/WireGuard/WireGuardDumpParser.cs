using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// Parses the output of <c>wg show INTERFACE dump</c> and <c>wg show all dump</c> (wg(8)): tab-separated
/// lines, first the interface (private-key, public-key, listen-port, fwmark), then one line per peer
/// (public-key, preshared-key, endpoint, allowed-ips, latest-handshake, transfer-rx, transfer-tx,
/// persistent-keepalive); <c>all dump</c> puts the interface name in front of every line. Absent values
/// are <c>(none)</c>, or <c>off</c> for fwmark and keepalive, and a handshake of 0 means never.
/// </summary>
/// <remarks>
/// Private and preshared keys are looked at only to see whether they are <c>(none)</c>; they are neither
/// kept nor quoted in errors. Errors name the line and field: <c>line 2, field 3 (endpoint): ...</c>.
/// </remarks>
public static class WireGuardDumpParser
{
    private const string None = "(none)";
    private static readonly string[] InterfaceFields = ["private-key", "public-key", "listen-port", "fwmark"];
    private static readonly string[] PeerFields =
        ["public-key", "preshared-key", "endpoint", "allowed-ips", "latest-handshake", "transfer-rx", "transfer-tx", "persistent-keepalive"];

    /// <summary>Parses <c>wg show INTERFACE dump</c>.</summary>
    /// <param name="text">The command's standard output.</param>
    /// <param name="dump">The interface and its peers.</param>
    /// <param name="error">What is wrong, e.g. <c>line 2 has 7 tab-separated fields, a peer line has 8</c>.</param>
    /// <returns>True when the output parsed.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out WireGuardDump? dump, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        dump = null;
        var lines = Lines(text);
        if (lines.Count == 0)
        {
            error = "the output is empty; expected an interface line";
            return false;
        }
        return TryParseInterface(lines, 0, lines.Count, null, out dump, out error);
    }

    /// <summary>Parses <c>wg show all dump</c>: every line starts with the interface name.</summary>
    /// <param name="text">The command's standard output (empty when there are no interfaces).</param>
    /// <param name="dumps">One dump per interface, in output order, each with <see cref="WireGuardDump.Interface"/> set.</param>
    /// <param name="error">What is wrong.</param>
    /// <returns>True when the output parsed.</returns>
    public static bool TryParseAll(string text, [NotNullWhen(true)] out IReadOnlyList<WireGuardDump>? dumps,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var result = new List<WireGuardDump>();
        dumps = null;
        var index = 0;
        while (index < lines.Count)
        {
            var (number, fields) = lines[index];
            if (!InterfaceName.TryParse(fields[0], out var name, out var nameError))
            {
                error = $"line {number}, field 1 (interface): {nameError}";
                return false;
            }
            // An interface's lines run until the name changes.
            var end = index + 1;
            while (end < lines.Count && lines[end].Fields[0] == fields[0])
            {
                end++;
            }
            var stripped = lines.Skip(index).Take(end - index).Select(line => (line.Number, line.Fields[1..])).ToList();
            if (!TryParseInterface(stripped, 0, stripped.Count, name, out var dump, out error))
            {
                return false;
            }
            result.Add(dump);
            index = end;
        }
        dumps = result;
        error = null;
        return true;
    }

    private static List<(int Number, string[] Fields)> Lines(string text) =>
        text.Split('\n')
            .Select((line, index) => (Number: index + 1, Line: line.TrimEnd('\r')))
            .Where(line => line.Line.Length > 0)
            .Select(line => (line.Number, line.Line.Split('\t')))
            .ToList();

    private static bool TryParseInterface(List<(int Number, string[] Fields)> lines, int start, int end,
        InterfaceName? name, [NotNullWhen(true)] out WireGuardDump? dump, [NotNullWhen(false)] out string? error)
    {
        dump = ParseInterface(lines, start, end, name, out error);
        return error is null && dump is not null;
    }

    private static WireGuardDump? ParseInterface(List<(int Number, string[] Fields)> lines, int start, int end,
        InterfaceName? name, out string? error)
    {
        var (number, fields) = lines[start];
        var offset = name is null ? 0 : 1;
        if (fields.Length != InterfaceFields.Length)
        {
            error = $"line {number} has {fields.Length + offset} tab-separated fields, an interface line has {InterfaceFields.Length + offset}";
            return null;
        }
        WireGuardKey? publicKey = null;
        if (fields[1] != None && !WireGuardKey.TryParse(fields[1], out publicKey, out var keyError))
        {
            error = FieldError(number, 2 + offset, InterfaceFields[1], keyError);
            return null;
        }
        if (!TryParseNumber(fields[2], 65535, out var port))
        {
            error = FieldError(number, 3 + offset, InterfaceFields[2], $"{DiagnosticText.Quote(fields[2])} is not a port (0-65535)");
            return null;
        }
        if (!FwMarkParser.TryParse(fields[3], out var fwMark, out var markError))
        {
            error = FieldError(number, 4 + offset, InterfaceFields[3], markError);
            return null;
        }

        var peers = new List<WireGuardPeerState>();
        for (var i = start + 1; i < end; i++)
        {
            var peer = ParsePeer(lines[i].Number, lines[i].Fields, offset, out error);
            if (peer is null)
            {
                return null;
            }
            peers.Add(peer);
        }
        error = null;
        return new WireGuardDump
        {
            Interface = name,
            // Only "(none)" or not: the key itself is never read further.
            HasPrivateKey = fields[0] != None,
            PublicKey = publicKey,
            ListenPort = port == 0 ? null : (int)port,
            FwMark = fwMark,
            Peers = peers,
        };
    }

    private static WireGuardPeerState? ParsePeer(int number, string[] fields, int offset, out string? error)
    {
        if (fields.Length != PeerFields.Length)
        {
            error = $"line {number} has {fields.Length + offset} tab-separated fields, a peer line has {PeerFields.Length + offset}";
            return null;
        }
        if (!WireGuardKey.TryParse(fields[0], out var publicKey, out var keyError))
        {
            error = FieldError(number, 1 + offset, PeerFields[0], keyError);
            return null;
        }
        Endpoint? endpoint = null;
        if (fields[2] != None && !Endpoint.TryParse(fields[2], out endpoint, out var endpointError))
        {
            error = FieldError(number, 3 + offset, PeerFields[2], endpointError);
            return null;
        }
        var allowedIPs = new List<IpNetwork>();
        if (fields[3] != None)
        {
            foreach (var item in fields[3].Split(','))
            {
                if (!IpNetwork.TryParse(item, out var network, out var networkError))
                {
                    error = FieldError(number, 4 + offset, PeerFields[3], networkError);
                    return null;
                }
                allowedIPs.Add(network);
            }
        }
        if (!TryParseNumber(fields[4], long.MaxValue, out var handshake))
        {
            error = FieldError(number, 5 + offset, PeerFields[4], $"{DiagnosticText.Quote(fields[4])} is not a number of seconds");
            return null;
        }
        if (!TryParseNumber(fields[5], ulong.MaxValue, out var rx))
        {
            error = FieldError(number, 6 + offset, PeerFields[5], $"{DiagnosticText.Quote(fields[5])} is not a byte count");
            return null;
        }
        if (!TryParseNumber(fields[6], ulong.MaxValue, out var tx))
        {
            error = FieldError(number, 7 + offset, PeerFields[6], $"{DiagnosticText.Quote(fields[6])} is not a byte count");
            return null;
        }
        ulong keepalive = 0;
        if (fields[7] != "off" && (!TryParseNumber(fields[7], 65535, out keepalive) || keepalive == 0))
        {
            error = FieldError(number, 8 + offset, PeerFields[7], $"{DiagnosticText.Quote(fields[7])} is neither \"off\" nor 1-65535 seconds");
            return null;
        }
        error = null;
        return new WireGuardPeerState
        {
            PublicKey = publicKey,
            HasPresharedKey = fields[1] != None,
            Endpoint = endpoint,
            AllowedIPs = allowedIPs,
            LatestHandshakeUnixSeconds = handshake == 0 ? null : (long)handshake,
            RxBytes = rx,
            TxBytes = tx,
            PersistentKeepalive = keepalive == 0 ? null : (int)keepalive,
        };
    }

    private static bool TryParseNumber(string text, ulong max, out ulong value)
    {
        value = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit)
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }

    private static string FieldError(int line, int field, string name, string reason) =>
        $"line {line}, field {field} ({name}): {reason}";
}
