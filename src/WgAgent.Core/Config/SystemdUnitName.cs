using System.Diagnostics.CodeAnalysis;
using WgAgent.Core.Diagnostics;
namespace WgAgent.Core.Config;

/// <summary>
/// A systemd unit name validated by the rules of systemd.unit(5): a non-empty prefix of ASCII letters, digits and
/// <c>:-_.\</c> (with at most one <c>@</c> for template instances), a known unit type suffix, at most 255 characters.
/// Validated before it reaches systemctl or a generated unit file.
/// </summary>
public sealed record SystemdUnitName
{
    private static readonly string[] UnitTypes =
        ["service", "socket", "device", "mount", "automount", "swap", "target", "path", "timer", "slice", "scope"];

    private SystemdUnitName(string value) => Value = value;

    /// <summary>The unit name, e.g. <c>prometheus-node-exporter.service</c>.</summary>
    public string Value { get; }

    /// <summary>The unit type, the part after the last dot (e.g. <c>service</c>).</summary>
    public string Type => Value[(Value.LastIndexOf('.') + 1)..];

    /// <summary>Parses and validates a unit name; on failure says why in one sentence.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SystemdUnitName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (text.Length is 0 or > 255)
        {
            error = $"{DiagnosticText.Quote(text)} is not a systemd unit name: it must have 1 to 255 characters";
            return false;
        }

        var dot = text.LastIndexOf('.');
        var suffix = dot < 0 ? "" : text[(dot + 1)..];
        if (dot <= 0 || !UnitTypes.Contains(suffix))
        {
            error = $"{DiagnosticText.Quote(text)} is not a systemd unit name: it must end in a unit type such as \".service\"";
            return false;
        }

        var prefix = text[..dot];
        var at = prefix.IndexOf('@', StringComparison.Ordinal);
        if (at == 0 || (at > 0 && prefix.IndexOf('@', at + 1) >= 0))
        {
            error = $"{DiagnosticText.Quote(text)} is not a systemd unit name: '@' may appear once, after a non-empty prefix";
            return false;
        }

        var bad = prefix.FirstOrDefault(c => c != '@' && !(char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.' or '\\'));
        if (bad != default)
        {
            error = $"{DiagnosticText.Quote(text)} is not a systemd unit name: character '{bad}' is not allowed";
            return false;
        }

        name = new SystemdUnitName(text);
        error = null;
        return true;
    }

    /// <summary>The unit name as written.</summary>
    public override string ToString() => Value;
}
