using System.Text;

namespace WgAgent.Toml.Syntax;

/// <summary>Writes keys for messages the way TOML would: bare when possible, quoted otherwise.</summary>
internal static class KeyNames
{
    public static string Join(ReadOnlySpan<KeySegment> segments)
    {
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            Append(sb, segment.Name);
        }

        return sb.ToString();
    }

    public static string Format(string key)
    {
        var sb = new StringBuilder();
        Append(sb, key);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string key)
    {
        if (key.Length > 0 && key.AsSpan().IndexOfAnyExcept(BareChars) < 0)
        {
            sb.Append(key);
            return;
        }

        sb.Append('"');
        foreach (var c in key)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case < ' ' or '\u007f':
                    sb.Append($"\\u{(int)c:X4}");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }

    private static readonly System.Buffers.SearchValues<char> BareChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
}
