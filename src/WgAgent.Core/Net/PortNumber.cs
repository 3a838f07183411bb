using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Net;

/// <summary>
/// Checks TCP/UDP port numbers (1-65535). Port 0 is not a port one can connect to or allow through a
/// firewall; where a file gives 0 a special meaning (wg0.conf's <c>ListenPort = 0</c>: "any"), its
/// reader handles that before calling here.
/// </summary>
public static class PortNumber
{
    /// <summary>The lowest valid port.</summary>
    public const int Min = 1;

    /// <summary>The highest valid port.</summary>
    public const int Max = 65535;

    /// <summary>True for 1-65535.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it is a port.</returns>
    public static bool IsValid(long value) => value is >= Min and <= Max;

    /// <summary>Checks a number that was already parsed (from TOML, say).</summary>
    /// <param name="value">The number.</param>
    /// <param name="error">Why it is not a port, e.g. <c>70000 is not a port (1-65535)</c>.</param>
    /// <returns>True when <paramref name="value"/> is a port.</returns>
    public static bool TryValidate(long value, [NotNullWhen(false)] out string? error)
    {
        error = IsValid(value) ? null : $"{value.ToString(CultureInfo.InvariantCulture)} is not a port ({Min}-{Max})";
        return error is null;
    }

    /// <summary>Parses decimal digits only (no sign, no whitespace, no service names).</summary>
    /// <param name="text">The text.</param>
    /// <param name="port">The port when the text is one.</param>
    /// <param name="error">Why it is not, e.g. <c>"70000" is not a port (1-65535)</c>.</param>
    /// <returns>True when <paramref name="text"/> is a port.</returns>
    public static bool TryParse(string? text, out int port, [NotNullWhen(false)] out string? error)
    {
        port = 0;
        text ??= "";
        // Five digits at most: beyond that it cannot be a port, and int parsing must not overflow.
        if (text.Length is 0 or > 5 || !text.All(char.IsAsciiDigit)
            || !IsValid(int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)))
        {
            error = $"{DiagnosticText.Quote(text)} is not a port ({Min}-{Max})";
            return false;
        }
        port = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        error = null;
        return true;
    }
}
