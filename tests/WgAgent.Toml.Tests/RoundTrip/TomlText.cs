using System.Globalization;
using System.Text;

namespace WgAgent.Toml.Tests.RoundTrip;

/// <summary>Writes keys, scalars and whole generated documents as TOML text (a test-only emitter).</summary>
public static class TomlText
{
    public static string Key(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : Basic(key);

    /// <summary>form: 0 basic, 1 literal, 2 multi-line basic, 3 multi-line literal (falling back to basic when the text does not fit).</summary>
    public static string String(string s, int form)
    {
        var hasControl = s.Any(c => (c < ' ' && c != '\t') || c == '\u007f');
        return form switch
        {
            1 when !hasControl && !s.Contains('\'') => $"'{s}'",
            2 => "\"\"\"\n" + Escape(s, multiline: true) + "\"\"\"",
            // A multi-line literal cannot hold control characters (tab and newline aside), nor a quote at its end.
            3 when !s.Any(c => (c < ' ' && c is not '\t' and not '\n') || c == '\u007f') && !s.Contains('\'') => "'''\n" + s + "'''",
            _ => Basic(s),
        };
    }

    public static string Integer(long value, int form) => form switch
    {
        1 when value >= 0 => "0x" + value.ToString("X", CultureInfo.InvariantCulture),
        2 when value >= 0 => "0o" + Convert.ToString(value, 8),
        3 when value >= 0 => "0b" + Convert.ToString(value, 2),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();
        // TOML needs a fraction or an exponent to make a float; "5" would be an integer.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }

    public static string Document(GenTable root)
    {
        var sb = new StringBuilder();
        WriteSection(sb, [], root);
        return sb.ToString();
    }

    /// <summary>Writes a table's plain entries, then its sub-tables and arrays of tables as header sections.</summary>
    private static void WriteSection(StringBuilder sb, List<string> path, GenTable table)
    {
        var deferred = new List<KeyValuePair<string, GenNode>>();
        foreach (var (key, value) in table.Entries)
        {
            if (value is GenTable { Inline: false } or GenArray { AsTableArray: true })
            {
                deferred.Add(KeyValuePair.Create(key, value));
                continue;
            }

            sb.Append(Key(key)).Append(" = ").Append(Inline(value)).Append('\n');
        }

        foreach (var (key, value) in deferred)
        {
            var child = new List<string>(path) { Key(key) };
            var name = string.Join('.', child);
            if (value is GenTable sub)
            {
                sb.Append('[').Append(name).Append("]\n");
                WriteSection(sb, child, sub);
            }
            else
            {
                foreach (var element in ((GenArray)value).Items.Cast<GenTable>())
                {
                    sb.Append("[[").Append(name).Append("]]\n");
                    WriteSection(sb, child, element);
                }
            }
        }
    }

    private static string Inline(GenNode node) => node switch
    {
        GenScalar scalar => scalar.Literal,
        GenArray array => "[" + string.Join(", ", array.Items.Select(Inline)) + "]",
        GenTable table => "{" + string.Join(", ", table.Entries.Select(e => $"{Key(e.Key)} = {Inline(e.Value)}")) + "}",
        _ => throw new ArgumentException("unknown node", nameof(node)),
    };

    private static string Basic(string s) => "\"" + Escape(s, multiline: false) + "\"";

    private static string Escape(string s, bool multiline)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n' when multiline:
                    sb.Append('\n');
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append(c);
                    break;
                case < ' ' or '\u007f':
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
