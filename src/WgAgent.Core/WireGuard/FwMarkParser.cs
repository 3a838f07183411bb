using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// Reads wg(8)'s <c>FwMark</c>: <c>off</c> (any case), a decimal number, or <c>0x</c> and hex digits, up
/// to 0xffffffff. Like wg, a capital <c>0X</c> is not a hex prefix.
/// </summary>
public static class FwMarkParser
{
    /// <summary>Parses a firewall mark.</summary>
    /// <param name="text">The value, exactly.</param>
    /// <param name="mark">The mark; 0 for <c>off</c>.</param>
    /// <param name="error">Why it is not a mark.</param>
    /// <returns>True when <paramref name="text"/> is a mark.</returns>
    public static bool TryParse(string? text, out uint mark, [NotNullWhen(false)] out string? error)
    {
        text ??= "";
        mark = 0;
        error = null;
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var isHex = text.Length > 2 && text.StartsWith("0x", StringComparison.Ordinal);
        var digits = isHex ? text[2..] : text;
        var parsed = digits.Length > 0
            && (isHex ? digits.All(char.IsAsciiHexDigit) : digits.All(char.IsAsciiDigit))
            && uint.TryParse(digits, isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                CultureInfo.InvariantCulture, out mark);
        if (!parsed)
        {
            mark = 0;
            error = $"{DiagnosticText.Quote(text)} is not a firewall mark: use \"off\", a decimal number or 0x and hex digits, up to 0xffffffff";
        }
        return parsed;
    }
}
