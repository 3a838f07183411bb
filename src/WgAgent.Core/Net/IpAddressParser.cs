using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Net;

/// <summary>
/// Parses IP address literals strictly, the way <c>inet_pton(3)</c> does (which wg(8) and ip(8) use):
/// IPv4 only as four dotted decimal parts, IPv6 in RFC 4291 text form. .NET's <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
/// alone is too lenient for configuration: it reads <c>"10"</c> as <c>0.0.0.10</c>, <c>"1.2.3"</c> as
/// <c>1.2.0.3</c>, octal and hex parts, and IPv6 with brackets, ports or zone indexes.
/// </summary>
public static class IpAddressParser
{
    private static readonly SearchValues<char> Ipv6Characters = SearchValues.Create(":.0123456789abcdefABCDEF");

    /// <summary>Parses an IPv4 or IPv6 address literal.</summary>
    /// <param name="text">The text, exactly (no surrounding whitespace).</param>
    /// <param name="address">The address when the text is one.</param>
    /// <param name="error">Why it is not, e.g. <c>"10.0.0.256" is not an IP address: 256 is more than 255</c>.</param>
    /// <returns>True when <paramref name="text"/> is an address.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPAddress? address,
        [NotNullWhen(false)] out string? error)
    {
        if (TryParseCore(text ?? "", out address, out var reason))
        {
            error = null;
            return true;
        }
        error = $"{DiagnosticText.Quote(text ?? "")} is not an IP address: {reason}";
        return false;
    }

    /// <summary>Parses an address literal, throwing on bad input (for text the program itself wrote).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not an address; the message says why.</exception>
    public static IPAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>True when the text has the shape of an address (only digits and dots, or a colon), as
    /// opposed to a host name. wg-quick(8) sorts DNS entries into servers and search domains this way.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when the text is meant as an address, valid or not.</returns>
    public static bool LooksLikeAddress(string text) =>
        text.Contains(':') || (text.Length > 0 && text.All(c => c == '.' || char.IsAsciiDigit(c)));

    /// <summary>The same check with the reason alone, for callers that compose their own message.</summary>
    internal static bool TryParseCore(string text, [NotNullWhen(true)] out IPAddress? address,
        [NotNullWhen(false)] out string? reason)
    {
        address = null;
        // The common case, a well-formed dotted quad, without the splitting and checks that only serve the message
        // (a config may list 20,000 addresses). It accepts exactly what TryParseIPv4 accepts; anything else,
        // valid or not, takes the full path below.
        if (TryParseDottedQuad(text, out address))
        {
            reason = null;
            return true;
        }
        if (text.Length == 0)
        {
            reason = "it is empty";
            return false;
        }
        if (ContainsWhiteSpace(text))
        {
            reason = "it contains whitespace";
            return false;
        }
        if (text.Contains('/'))
        {
            reason = "it has a prefix length; write the address alone";
            return false;
        }
        return text.Contains(':') ? TryParseIPv6(text, out address, out reason) : TryParseIPv4(text, out address, out reason);
    }

    /// <summary>Four decimal parts of one to three digits, no leading zero, each at most 255: the strict IPv4 form.</summary>
    private static bool TryParseDottedQuad(string text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        Span<byte> bytes = stackalloc byte[4];
        int part = 0, value = 0, digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || part == 3)
                {
                    return false;
                }
                bytes[part++] = (byte)value;
                value = digits = 0;
            }
            else if (char.IsAsciiDigit(c) && digits < 3 && !(digits == 1 && value == 0))
            {
                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }
        if (part != 3 || digits == 0)
        {
            return false;
        }
        bytes[3] = (byte)value;
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary><c>text.Any(char.IsWhiteSpace)</c> without the enumerator and the delegate.</summary>
    internal static bool ContainsWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TryParseIPv4(string text, [NotNullWhen(true)] out IPAddress? address,
        [NotNullWhen(false)] out string? reason)
    {
        address = null;
        var parts = text.Split('.');
        if (!text.All(c => c == '.' || char.IsAsciiDigit(c)))
        {
            reason = "it is neither IPv4 (four numbers 0-255 separated by \".\") nor IPv6";
            return false;
        }
        if (parts.Length != 4)
        {
            reason = $"IPv4 addresses have 4 parts separated by \".\", this has {parts.Length}";
            return false;
        }
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                reason = $"part {i + 1} is empty";
                return false;
            }
            // inet_pton(3) rejects leading zeros: "010" could mean 8 (octal) to some parsers.
            if (part.Length > 1 && part[0] == '0')
            {
                reason = $"{DiagnosticText.Quote(part)} has a leading zero";
                return false;
            }
            if (part.Length > 3 || int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                reason = $"{part} is more than 255";
                return false;
            }
            bytes[i] = byte.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        address = new IPAddress(bytes);
        reason = null;
        return true;
    }

    private static bool TryParseIPv6(string text, [NotNullWhen(true)] out IPAddress? address,
        [NotNullWhen(false)] out string? reason)
    {
        address = null;
        if (text.Contains('[') || text.Contains(']'))
        {
            reason = "brackets belong only around an IPv6 address followed by a port";
            return false;
        }
        if (text.Contains('%'))
        {
            reason = "zone indexes (\"%eth0\") are not supported";
            return false;
        }
        if (text.AsSpan().IndexOfAnyExcept(Ipv6Characters) >= 0)
        {
            reason = "it is not an IPv6 address (hex groups separated by \":\")";
            return false;
        }
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            reason = "it is not a valid IPv6 address";
            return false;
        }
        // An embedded IPv4 tail ("::ffff:1.2.3.4") must itself be strict; .NET would accept "::ffff:1.2.3".
        var lastColon = text.LastIndexOf(':');
        var tail = text.AsSpan(lastColon + 1).Contains('.') ? text[(lastColon + 1)..] : "";
        if (tail.Length > 0 && !TryParseIPv4(tail, out _, out var tailReason))
        {
            reason = $"its IPv4 part {DiagnosticText.Quote(tail)} is invalid: {tailReason}";
            return false;
        }
        address = parsed;
        reason = null;
        return true;
    }
}
