using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Net;

/// <summary>
/// A WireGuard peer endpoint, <c>host:port</c>, immutable: an IPv4 literal (<c>203.0.113.7:51820</c>), an
/// IPv6 literal in brackets (<c>[2001:db8::1]:51820</c>) or a host name (<c>vpn.example.com:51820</c>).
/// <see cref="HostKind"/> says which; only literals have an <see cref="Address"/>, since resolving a name
/// is a side effect the pure core does not do.
/// </summary>
/// <remarks>
/// Stricter than wg(8) in one way: wg splits an unbracketed <c>2001:db8::1:51820</c> at the last colon,
/// but that text is ambiguous to a reader (is <c>:51820</c> a port or the last group?), so it is rejected
/// with the bracketed spelling as a suggestion. Ports are 1-65535 and decimal (no service names).
/// </remarks>
public sealed class Endpoint : IEquatable<Endpoint>
{
    private Endpoint(EndpointHostKind hostKind, string host, IPAddress? address, int port)
    {
        HostKind = hostKind;
        Host = host;
        _addressBytes = address?.GetAddressBytes();
        Port = port;
    }

    private readonly byte[]? _addressBytes;

    /// <summary>Whether the host is an IPv4 literal, an IPv6 literal or a host name.</summary>
    public EndpointHostKind HostKind { get; }

    /// <summary>The host without brackets: the canonical address text, or the name as written.</summary>
    public string Host { get; }

    /// <summary>The address for a literal host; null for a host name. Each call returns a fresh copy.</summary>
    public IPAddress? Address => _addressBytes is null ? null : new IPAddress(_addressBytes);

    /// <summary>The UDP port, 1-65535.</summary>
    public int Port { get; }

    /// <summary>True when the host is a name that still has to be resolved.</summary>
    public bool IsHostName => HostKind == EndpointHostKind.HostName;

    /// <summary>Creates an endpoint from an address literal.</summary>
    /// <param name="address">An IPv4 or IPv6 address.</param>
    /// <param name="port">1-65535.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The family is not IPv4/IPv6 or the port is out of range.</exception>
    public static Endpoint FromAddress(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        var kind = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => EndpointHostKind.IPv4,
            AddressFamily.InterNetworkV6 => EndpointHostKind.IPv6,
            _ => throw new ArgumentException("Only IPv4 and IPv6 endpoints exist.", nameof(address)),
        };
        ThrowIfNotPort(port);
        var copy = new IPAddress(address.GetAddressBytes());
        return new Endpoint(kind, copy.ToString(), copy, port);
    }

    /// <summary>Creates an endpoint from a host name.</summary>
    /// <param name="hostName">A DNS name (see <see cref="HostName"/>), not an address.</param>
    /// <param name="port">1-65535.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">The name is invalid or looks like an address, or the port is out of range.</exception>
    public static Endpoint FromHostName(string hostName, int port)
    {
        ArgumentNullException.ThrowIfNull(hostName);
        if (IpAddressParser.LooksLikeAddress(hostName) || !HostName.IsValid(hostName, out _))
        {
            throw new ArgumentException($"{DiagnosticText.Quote(hostName)} is not a host name.", nameof(hostName));
        }
        ThrowIfNotPort(port);
        return new Endpoint(EndpointHostKind.HostName, hostName, null, port);
    }

    /// <summary>Parses <c>host:port</c>.</summary>
    /// <param name="text">The text, exactly (no surrounding whitespace).</param>
    /// <param name="endpoint">The endpoint when the text is one.</param>
    /// <param name="error">Why it is not, e.g. <c>"vpn.example.com" is not an endpoint: the ":port" is
    /// missing (e.g. "vpn.example.com:51820")</c>.</param>
    /// <returns>True when <paramref name="text"/> is an endpoint.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Endpoint? endpoint,
        [NotNullWhen(false)] out string? error)
    {
        text ??= "";
        endpoint = TryParseCore(text, out var reason);
        error = endpoint is null ? $"{DiagnosticText.Quote(text)} is not an endpoint: {reason}" : null;
        return endpoint is not null;
    }

    /// <summary>Parses <c>host:port</c>, throwing on bad input (for text the program itself wrote).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="FormatException">The text is not an endpoint; the message says why.</exception>
    public static Endpoint Parse(string text) =>
        TryParse(text, out var endpoint, out var error) ? endpoint : throw new FormatException(error);

    /// <summary>Renders <c>host:port</c>, with brackets around an IPv6 host.</summary>
    public override string ToString() => HostKind == EndpointHostKind.IPv6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <inheritdoc/>
    public bool Equals(Endpoint? other) =>
        other is not null && HostKind == other.HostKind && Port == other.Port
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Endpoint);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(HostKind, Port, StringComparer.OrdinalIgnoreCase.GetHashCode(Host));

    private static void ThrowIfNotPort(int port)
    {
        if (!PortNumber.IsValid(port))
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, $"A port is {PortNumber.Min}-{PortNumber.Max}.");
        }
    }

    private static Endpoint? TryParseCore(string text, out string? reason)
    {
        if (text.Length == 0)
        {
            reason = "it is empty";
            return null;
        }
        if (text.Any(char.IsWhiteSpace))
        {
            reason = "it contains whitespace";
            return null;
        }

        string hostText, portText;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                reason = "no \"]\" closes the IPv6 address";
                return null;
            }
            hostText = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length == 0 || rest[0] != ':')
            {
                reason = $"the \":port\" after \"]\" is missing (e.g. \"[{hostText}]:51820\")";
                return null;
            }
            portText = rest[1..];
            if (!IpAddressParser.TryParseCore(hostText, out var v6, out var v6Reason)
                || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                reason = v6 is null
                    ? $"{DiagnosticText.Quote(hostText)} is not an IPv6 address: {v6Reason}"
                    : $"brackets are only for IPv6 addresses; write \"{hostText}:{portText}\"";
                return null;
            }
            return WithPort(EndpointHostKind.IPv6, v6.ToString(), v6, portText, out reason);
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            reason = $"the \":port\" is missing (e.g. \"{text}:51820\")";
            return null;
        }
        hostText = text[..colon];
        portText = text[(colon + 1)..];
        if (hostText.Contains(':'))
        {
            reason = $"an IPv6 address needs brackets: \"[{hostText}]:{portText}\"";
            return null;
        }
        if (hostText.Length == 0)
        {
            reason = "the host before \":\" is empty";
            return null;
        }
        if (IpAddressParser.LooksLikeAddress(hostText))
        {
            if (!IpAddressParser.TryParseCore(hostText, out var v4, out var v4Reason))
            {
                reason = $"{DiagnosticText.Quote(hostText)} is not an IP address: {v4Reason}";
                return null;
            }
            return WithPort(EndpointHostKind.IPv4, v4.ToString(), v4, portText, out reason);
        }
        if (!HostName.IsValid(hostText, out var nameReason))
        {
            reason = $"{DiagnosticText.Quote(hostText)} is not a host name: {nameReason}";
            return null;
        }
        return WithPort(EndpointHostKind.HostName, hostText, null, portText, out reason);
    }

    private static Endpoint? WithPort(EndpointHostKind kind, string host, IPAddress? address, string portText,
        out string? reason)
    {
        if (!PortNumber.TryParse(portText, out var port, out reason))
        {
            return null;
        }
        return new Endpoint(kind, host, address, port);
    }
}
