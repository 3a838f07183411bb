using System.Diagnostics.CodeAnalysis;
using System.Text;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Net;

/// <summary>
/// A Linux network interface name, immutable, e.g. <c>wg0</c>.
/// </summary>
/// <remarks>
/// The kernel (<c>dev_valid_name</c>) wants 1-15 bytes (IFNAMSIZ minus the NUL), not <c>.</c> or <c>..</c>,
/// and no <c>/</c>, <c>:</c> or whitespace. This type is deliberately stricter and takes wg-quick(8)'s own
/// rule for names, <c>[a-zA-Z0-9_=+.-]{1,15}</c>: every WireGuard interface wgagent guards comes from a
/// wg-quick config named after it, and the name ends up inside nftables rules and systemd unit names,
/// where quotes or backslashes the kernel would accept could break the text.
/// </remarks>
public sealed class InterfaceName : IEquatable<InterfaceName>
{
    /// <summary>The longest name the kernel accepts, in bytes.</summary>
    public const int MaxLength = 15;

    private InterfaceName(string value) => Value = value;

    /// <summary>The name.</summary>
    public string Value { get; }

    /// <summary>Parses a name.</summary>
    /// <param name="text">The name, exactly.</param>
    /// <param name="name">The name when valid.</param>
    /// <param name="error">Why it is not, e.g. <c>"wg/0" is not an interface name: "/" is not allowed
    /// (use letters, digits and _=+.-)</c>.</param>
    /// <returns>True when <paramref name="text"/> is a valid name.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out InterfaceName? name,
        [NotNullWhen(false)] out string? error)
    {
        text ??= "";
        var reason = Check(text);
        name = reason is null ? new InterfaceName(text) : null;
        error = reason is null ? null : $"{DiagnosticText.Quote(text)} is not an interface name: {reason}";
        return name is not null;
    }

    /// <summary>Parses a name, throwing on bad input (for names the program itself chose).</summary>
    /// <param name="text">The name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="FormatException">The text is not a valid name; the message says why.</exception>
    public static InterfaceName Parse(string text) =>
        TryParse(text, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>The name itself.</summary>
    public override string ToString() => Value;

    /// <inheritdoc/>
    public bool Equals(InterfaceName? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InterfaceName);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Value equality, like <see cref="Equals(InterfaceName?)"/>: without these operators <c>==</c> would compare
    /// references, and two parses of "wg0" would differ (a reload restarted the tunnel watch for that reason).</summary>
    public static bool operator ==(InterfaceName? left, InterfaceName? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(InterfaceName? left, InterfaceName? right) => !(left == right);

    private static string? Check(string text)
    {
        if (text.Length == 0)
        {
            return "it is empty";
        }
        if (text is "." or "..")
        {
            return "\".\" and \"..\" are reserved";
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '=' or '+' or '.' or '-'))
            {
                return $"{DiagnosticText.Quote(c.ToString())} is not allowed (use letters, digits and _=+.-)";
            }
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes > MaxLength ? $"it is {bytes} bytes long, more than {MaxLength}" : null;
    }
}
