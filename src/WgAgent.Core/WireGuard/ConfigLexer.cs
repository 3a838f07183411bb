using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// Splits wg0.conf text into lines and each line into key and value, as wg-quick(8) and wg(8) do:
/// everything from the first <c>#</c> is a comment, the key is the text before the first <c>=</c>, the
/// value the text after it, both trimmed. Lines end at LF; a CR before it (a file edited on Windows) is
/// whitespace to both tools and is dropped here too.
/// </summary>
internal static class ConfigLexer
{
    /// <summary>Lexes every line, blank ones included, numbered from 1.</summary>
    /// <param name="text">The whole file.</param>
    /// <returns>One entry per line.</returns>
    public static IEnumerable<ConfigLine> Lex(string text)
    {
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            yield return LexLine(rawLine, lineNumber);
        }
    }

    /// <summary>The whitespace bash's [[:space:]] and C's isspace() know; wider Unicode spaces are text.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\v' or '\f';

    private static ConfigLine LexLine(string line, int lineNumber)
    {
        var comment = line.IndexOf('#');
        var content = comment < 0 ? line : line[..comment];
        var start = SkipSpace(content, 0);
        if (start == content.Length)
        {
            return new ConfigLine(ConfigLineKind.Blank, "", new TextPosition(lineNumber, 1), "", default, "");
        }

        var startPosition = new TextPosition(lineNumber, start + 1);
        if (content[start] == '[')
        {
            return new ConfigLine(ConfigLineKind.Section, Trim(content, start, content.Length), startPosition, "", default, "");
        }

        var equals = content.IndexOf('=', start);
        if (equals < 0)
        {
            return new ConfigLine(ConfigLineKind.Malformed, Trim(content, start, content.Length), startPosition, "", default, "");
        }

        var key = Trim(content, start, equals);
        var valueStart = SkipSpace(content, equals + 1);
        var value = Trim(content, valueStart, content.Length);
        // Hooks keep their '#': wg-quick takes them from the unstripped line so shell comments and
        // "#" inside commands survive. The '=' is the same one, as it comes before any '#'.
        var rawValue = Trim(line, SkipSpace(line, equals + 1), line.Length);
        var valuePosition = new TextPosition(lineNumber, (value.Length == 0 ? equals + 1 : valueStart) + 1);
        return new ConfigLine(ConfigLineKind.Entry, key, startPosition, value, valuePosition, rawValue);
    }

    private static int SkipSpace(string text, int index)
    {
        while (index < text.Length && IsSpace(text[index]))
        {
            index++;
        }
        return index;
    }

    private static string Trim(string text, int start, int end)
    {
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }
}
