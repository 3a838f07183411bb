using System.Buffers;
using System.Text;

namespace WgAgent.Core.Firewall;

/// <summary>Line structure and whitespace: what nft's pretty-printer decides and the comparison ignores.</summary>
public static partial class NftListing
{
    // What char.IsWhiteSpace calls whitespace (Unicode Zs, Zl, Zp and the controls \t-\r, \x85), bar the plain space.
    private static readonly SearchValues<char> WhitespaceButSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    /// <summary>Lines, with an element list that nft wrapped over several lines joined back into one. A line that
    /// ends in "{" opens a block (table, chain, set, counter); any other line left with an open "{" continues.</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = new StringBuilder();
        var depth = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (pending.Length > 0)
            {
                pending.Append(' ').Append(line);
                depth += BraceBalance(line);
                if (depth <= 0)
                {
                    yield return pending.ToString();
                    pending.Clear();
                    depth = 0;
                }
                continue;
            }

            var balance = BraceBalance(line);
            if (balance > 0 && !line.EndsWith('{'))
            {
                pending.Append(line);
                depth = balance;
                continue;
            }

            yield return line;
        }

        if (pending.Length > 0)
        {
            yield return pending.ToString();
        }
    }

    private static int BraceBalance(string line)
    {
        if (line.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return 0; // most lines; quotes only matter around a brace.
        }

        var balance = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                balance += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
        }

        return balance;
    }

    private static string CollapseSpaces(string line)
    {
        // Already canonical (the rendered table, and nft's element lines once joined): nothing to copy.
        if (line.AsSpan().IndexOfAny(WhitespaceButSpace) < 0 && !line.Contains("  ", StringComparison.Ordinal)
            && (line.Length == 0 || (line[0] != ' ' && line[^1] != ' ')))
        {
            return line;
        }

        var result = new StringBuilder(line.Length);
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            if (!quoted && char.IsWhiteSpace(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }
                continue;
            }
            result.Append(c);
        }

        return result.ToString().TrimEnd();
    }
}
