using System.Text;

namespace WgAgent.Toml.Text;

/// <summary>Names characters and text for messages, so a message is always one printable line.</summary>
internal static class CharacterNames
{
    private const int MaxQuoted = 40;

    /// <summary>Names an ASCII control character (or a line break) for a message.</summary>
    public static string Control(byte b) => b switch
    {
        0 => "the NUL character (U+0000)",
        (byte)'\n' => "a line break",
        (byte)'\r' => "a carriage return (U+000D) without a line feed",
        0x7F => "the DEL character (U+007F)",
        _ => $"the control character U+{b:X4}",
    };

    /// <summary>Names the character that starts <paramref name="utf8"/>: quoted if printable, else by code point.</summary>
    public static string Character(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "the end of the file";
        }

        var b = utf8[0];
        if (b < 0x20 || b == 0x7F)
        {
            return Control(b);
        }

        if (Rune.DecodeFromUtf8(utf8, out var rune, out _) != System.Buffers.OperationStatus.Done)
        {
            return $"the byte 0x{b:X2}";
        }

        return rune.Value < 0x80 ? $"'{rune}'" : $"'{rune}' (U+{rune.Value:X4})";
    }

    /// <summary>Quotes source text for a message: shortened, with control characters escaped.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8.Length > MaxQuoted * 4 ? utf8[..(MaxQuoted * 4)] : utf8);
        return Quote(text);
    }

    /// <summary>Quotes a decoded string (a key, say) for a message: shortened, control characters escaped.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxQuoted) + 8);
        sb.Append('\'');
        var n = 0;
        foreach (var c in text)
        {
            if (n++ == MaxQuoted)
            {
                sb.Append('…');
                break;
            }

            if (c < 0x20 || c == 0x7F)
            {
                sb.Append($"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('\'').ToString();
    }
}
