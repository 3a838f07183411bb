using System.Text;

namespace Serilog.Sinks.Journald;

/// <summary>
/// Turns log property names into journal field names. journald accepts only upper-case ASCII letters,
/// digits and '_', not starting with a digit, at most 64 characters, and drops names starting with '_'
/// from clients (those are the trusted fields it adds itself; JOURNAL_NATIVE_PROTOCOL.md, systemd.journal-fields(7)).
/// </summary>
public static class JournalFieldName
{
    /// <summary>The longest field name journald accepts.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// <paramref name="prefix"/> followed by <paramref name="propertyName"/> in UPPER_SNAKE_CASE:
    /// "RequestId" → "REQUEST_ID", "wg0Address" → "WG0_ADDRESS", "HTTPServer" → "HTTP_SERVER"; any
    /// other character becomes one '_'; leading and trailing '_' go; cut to <see cref="MaxLength"/>.
    /// </summary>
    /// <param name="prefix">A valid field name start such as "WGAGENT_" (see <see cref="IsValidPrefix"/>), or empty.</param>
    /// <param name="propertyName">Any property name.</param>
    public static string FromProperty(string prefix, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(propertyName);
        var snake = ToUpperSnake(propertyName);
        if (snake.Length == 0)
        {
            snake = "PROPERTY";
        }

        var name = prefix + snake;
        if (!char.IsAsciiLetterUpper(name[0]))
        {
            // Only reachable with an empty prefix and a name starting with a digit.
            name = "FIELD_" + name;
        }

        return name.Length <= MaxLength ? name : name[..MaxLength].TrimEnd('_');
    }

    /// <summary>Whether <paramref name="prefix"/> can start field names: empty, or [A-Z][A-Z0-9_]* of at most 32 characters.</summary>
    /// <param name="prefix">The prefix.</param>
    public static bool IsValidPrefix(string prefix) =>
        prefix is not null
        && prefix.Length <= MaxLength / 2
        && (prefix.Length == 0 || (char.IsAsciiLetterUpper(prefix[0]) && prefix.All(IsFieldChar)));

    /// <summary>Whether <paramref name="name"/> is a field name journald keeps from a client.</summary>
    /// <param name="name">The name.</param>
    public static bool IsValid(string name) =>
        name is { Length: > 0 and <= MaxLength } && char.IsAsciiLetterUpper(name[0]) && name.All(IsFieldChar);

    private static bool IsFieldChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_';

    private static string ToUpperSnake(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                AppendSeparator(result);
                continue;
            }

            if (char.IsAsciiLetterUpper(c) && i > 0 && StartsWord(name, i))
            {
                AppendSeparator(result);
            }

            result.Append(char.ToUpperInvariant(c));
        }

        return result.ToString().Trim('_');
    }

    // A word starts at an upper-case letter after a lower-case letter or digit ("wg0Address"), or at the
    // last capital of an acronym followed by a lower-case letter ("HTTPServer" → HTTP_SERVER).
    private static bool StartsWord(string name, int i) =>
        char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1])
        || (char.IsAsciiLetterUpper(name[i - 1]) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]));

    private static void AppendSeparator(StringBuilder result)
    {
        if (result.Length > 0 && result[^1] != '_')
        {
            result.Append('_');
        }
    }
}
