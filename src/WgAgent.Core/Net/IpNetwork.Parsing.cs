using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Sockets;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Net;

/// <summary>Parsing CIDR text into an <see cref="IpNetwork"/>, with errors that say what is wrong.</summary>
public sealed partial class IpNetwork
{
    /// <summary>
    /// Parses CIDR notation with a required prefix length: <c>192.168.0.0/16</c>, <c>fd00::/8</c>.
    /// </summary>
    /// <param name="text">The text, exactly (no surrounding whitespace).</param>
    /// <param name="network">The network when the text is one.</param>
    /// <param name="error">Why it is not, e.g. <c>"192.168.0.0/33" is not a CIDR: prefix length 33 is
    /// more than 32 for IPv4</c>.</param>
    /// <returns>True when <paramref name="text"/> is a CIDR.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IpNetwork? network,
        [NotNullWhen(false)] out string? error) =>
        TryParse(text, prefixRequired: true, out network, out error);

    /// <summary>
    /// Parses CIDR notation where the prefix length may be left out, meaning a single host (/32 or /128),
    /// as wg0.conf's <c>Address</c> and <c>AllowedIPs</c> allow.
    /// </summary>
    /// <param name="text">The text, exactly.</param>
    /// <param name="network">The network when the text is one.</param>
    /// <param name="error">Why it is not.</param>
    /// <returns>True when <paramref name="text"/> is an address or a CIDR.</returns>
    public static bool TryParseHostOrNetwork(string? text, [NotNullWhen(true)] out IpNetwork? network,
        [NotNullWhen(false)] out string? error) =>
        TryParse(text, prefixRequired: false, out network, out error);

    /// <summary>Parses CIDR notation, throwing on bad input (for text the program itself wrote).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The network.</returns>
    /// <exception cref="FormatException">The text is not a CIDR; the message says why.</exception>
    public static IpNetwork Parse(string text) =>
        TryParse(text, out var network, out var error) ? network : throw new FormatException(error);

    private static bool TryParse(string? text, bool prefixRequired, [NotNullWhen(true)] out IpNetwork? network,
        [NotNullWhen(false)] out string? error)
    {
        network = null;
        text ??= "";
        string Fail(string reason) => $"{DiagnosticText.Quote(text)} is not a CIDR: {reason}";

        if (text.Length == 0)
        {
            error = Fail("it is empty");
            return false;
        }
        if (IpAddressParser.ContainsWhiteSpace(text))
        {
            error = Fail("it contains whitespace");
            return false;
        }
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IpAddressParser.TryParseCore(addressText, out var address, out var reason))
        {
            error = Fail($"{DiagnosticText.Quote(addressText)} is not an IP address: {reason}");
            return false;
        }
        var family = address.AddressFamily == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            if (prefixRequired)
            {
                error = Fail($"the prefix length is missing (e.g. \"{addressText}/{max}\" for one host)");
                return false;
            }
            network = new IpNetwork(address, max);
            error = null;
            return true;
        }

        var prefixText = text[(slash + 1)..];
        if (prefixText.Length == 0)
        {
            error = Fail("the prefix length after \"/\" is empty");
            return false;
        }
        if (prefixText.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = Fail($"prefix length {DiagnosticText.Quote(prefixText)} is not a number");
            return false;
        }
        // More than three digits cannot fit either family; say so without parsing an arbitrarily long number.
        if (prefixText.Length > 3 || int.Parse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture) > max)
        {
            error = Fail($"prefix length {prefixText} is more than {max} for {family}");
            return false;
        }
        network = new IpNetwork(address, int.Parse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture));
        error = null;
        return true;
    }
}
