using System.Diagnostics.CodeAnalysis;

namespace WgAgent.Core.Net;

/// <summary>
/// Checks DNS host names (RFC 1123 labels): letters, digits, hyphens and, because real zones use them,
/// underscores; labels of 1-63 characters that neither start nor end with a hyphen; at most 253 characters;
/// an optional final dot. Used for endpoint hosts and DNS search domains.
/// </summary>
public static class HostName
{
    /// <summary>The longest name DNS can carry, without the optional final dot.</summary>
    public const int MaxLength = 253;

    /// <summary>The longest label.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Checks a host name.</summary>
    /// <param name="text">The name, exactly.</param>
    /// <param name="reason">Why it is not a host name (without repeating the name), e.g.
    /// <c>"!" is not allowed (use letters, digits, "-" and ".")</c>.</param>
    /// <returns>True when <paramref name="text"/> is a host name.</returns>
    public static bool IsValid(string text, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.EndsWith('.') ? text[..^1] : text;
        if (name.Length == 0)
        {
            reason = "it is empty";
            return false;
        }
        if (name.Length > MaxLength)
        {
            reason = $"it is {name.Length} characters long, more than {MaxLength}";
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                reason = $"{Diagnostics.DiagnosticText.Quote(c.ToString())} is not allowed (use letters, digits, \"-\" and \".\")";
                return false;
            }
        }
        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0)
            {
                reason = "it has an empty label (\"..\" or a leading \".\")";
                return false;
            }
            if (label.Length > MaxLabelLength)
            {
                reason = $"label {Diagnostics.DiagnosticText.Quote(label)} is longer than {MaxLabelLength} characters";
                return false;
            }
            if (label[0] == '-' || label[^1] == '-')
            {
                reason = $"label {Diagnostics.DiagnosticText.Quote(label)} starts or ends with \"-\"";
                return false;
            }
        }
        reason = null;
        return true;
    }
}
