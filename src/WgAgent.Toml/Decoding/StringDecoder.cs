using System.Buffers;
using System.Text;
using WgAgent.Toml.Lexing;

namespace WgAgent.Toml.Decoding;

/// <summary>
/// Turns a string token into its value: strips the quotes, drops the newline right after an opening
/// <c>"""</c> or <c>'''</c>, normalises CRLF to LF in multi-line strings (TOML lets parsers normalise
/// newlines; a Linux agent wants LF), and processes escapes in basic strings.
/// </summary>
internal static class StringDecoder
{
    private const string ValidEscapes = "valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX";

    public static string Decode(in DecodeContext context)
    {
        var token = context.Token;
        if (token.IsMalformed)
        {
            // The lexer reported the problem; the value is never used because the parse fails.
            return string.Empty;
        }

        var text = context.TokenText;
        var multiline = token.Kind is TokenKind.MultilineBasicString or TokenKind.MultilineLiteralString;
        var quote = multiline ? 3 : 1;
        var start = quote;
        var content = text[quote..^quote];
        if (multiline)
        {
            var skip = content.StartsWith("\r\n"u8) ? 2 : content.StartsWith("\n"u8) ? 1 : 0;
            content = content[skip..];
            start += skip;
        }

        if ((token.Flags & TokenFlags.HasEscapes) == 0 || token.Kind is TokenKind.LiteralString or TokenKind.MultilineLiteralString)
        {
            var s = Encoding.UTF8.GetString(content);
            return multiline && content.Contains((byte)'\r') ? s.Replace("\r\n", "\n", StringComparison.Ordinal) : s;
        }

        return Unescape(context, content, start, multiline);
    }

    private static string Unescape(in DecodeContext context, ReadOnlySpan<byte> content, int contentStart, bool multiline)
    {
        // Escapes never make text longer in UTF-8 (\uXXXX is 6 bytes for at most 3), so the input length bounds the output.
        byte[]? rented = null;
        var output = content.Length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(content.Length));
        var n = 0;
        var i = 0;
        while (i < content.Length)
        {
            var b = content[i];
            if (b != (byte)'\\')
            {
                if (!(b == (byte)'\r' && multiline))
                {
                    output[n++] = b;
                }

                i++;
                continue;
            }

            i = Escape(context, content, contentStart, i, multiline, output, ref n);
        }

        var result = Encoding.UTF8.GetString(output[..n]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Decodes the escape at <paramref name="i"/> (a backslash) and returns the index after it.</summary>
    private static int Escape(in DecodeContext context, ReadOnlySpan<byte> content, int contentStart, int i, bool multiline,
        Span<byte> output, ref int n)
    {
        var c = i + 1 < content.Length ? content[i + 1] : (byte)0;
        byte simple = c switch
        {
            (byte)'b' => 0x08,
            (byte)'t' => 0x09,
            (byte)'n' => 0x0A,
            (byte)'f' => 0x0C,
            (byte)'r' => 0x0D,
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            _ => 0,
        };
        if (simple != 0)
        {
            output[n++] = simple;
            return i + 2;
        }

        if (c is (byte)'u' or (byte)'U')
        {
            return UnicodeEscape(context, content, contentStart, i, c == (byte)'u' ? 4 : 8, output, ref n);
        }

        if (multiline && c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            // A line-ending backslash: only spaces and tabs may follow it on its line; then every
            // whitespace character and newline up to the next visible character is dropped.
            var j = i + 1;
            while (j < content.Length && content[j] is (byte)' ' or (byte)'\t')
            {
                j++;
            }

            if (j < content.Length && content[j] is (byte)'\n' or (byte)'\r')
            {
                while (j < content.Length && content[j] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
                {
                    j++;
                }

                return j;
            }
        }

        var shown = Text.CharacterNames.Quote(content.Slice(i, Math.Min(2, content.Length - i)));
        context.Error(contentStart + i, $"invalid escape {shown}; {ValidEscapes}");
        return i + 2;
    }

    private static int UnicodeEscape(in DecodeContext context, ReadOnlySpan<byte> content, int contentStart, int i, int digits,
        Span<byte> output, ref int n)
    {
        var value = 0;
        for (var k = 0; k < digits; k++)
        {
            var at = i + 2 + k;
            var h = at < content.Length ? HexValue(content[at]) : -1;
            if (h < 0)
            {
                var shown = Text.CharacterNames.Quote(content.Slice(i, Math.Min(digits + 2, content.Length - i)));
                context.Error(contentStart + i, $"invalid escape {shown}: \\{(char)content[i + 1]} needs {digits} hexadecimal digits");
                return Math.Min(at, content.Length);
            }

            value = (value << 4) | h;
        }

        if (!Rune.IsValid(value))
        {
            context.Error(contentStart + i,
                $"invalid escape: U+{value:X4} is not a Unicode scalar value (allowed: U+0000 to U+D7FF and U+E000 to U+10FFFF)");
            return i + 2 + digits;
        }

        n += new Rune(value).EncodeToUtf8(output[n..]);
        return i + 2 + digits;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
