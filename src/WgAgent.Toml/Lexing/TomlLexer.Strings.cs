using System.Buffers;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Lexing;

/// <summary>Delimiting the four kinds of string and checking their characters.</summary>
internal ref partial struct TomlLexer
{
    // Where a scan must look closer: a delimiter, a backslash, or a control character (tab excepted).
    private static readonly SearchValues<byte> BasicStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private static readonly SearchValues<byte> LiteralStops = SearchValues.Create(
        [(byte)'\'', 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private Token ScanBasicString(TomlPosition start)
    {
        if (IsTripleQuote((byte)'"'))
        {
            return ScanMultiline(start, (byte)'"', BasicStops, TokenKind.MultilineBasicString);
        }

        return ScanSingleLine(start, (byte)'"', BasicStops, TokenKind.BasicString);
    }

    private Token ScanLiteralString(TomlPosition start)
    {
        if (IsTripleQuote((byte)'\''))
        {
            return ScanMultiline(start, (byte)'\'', LiteralStops, TokenKind.MultilineLiteralString);
        }

        return ScanSingleLine(start, (byte)'\'', LiteralStops, TokenKind.LiteralString);
    }

    private readonly bool IsTripleQuote(byte quote) =>
        _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;

    private Token ScanSingleLine(TomlPosition start, byte quote, SearchValues<byte> stops, TokenKind kind)
    {
        var flags = TokenFlags.None;
        var i = _pos + 1;
        while (true)
        {
            var k = _text[i..].IndexOfAny(stops);
            if (k < 0)
            {
                return Unterminated(start, _text.Length, kind, flags, "string", (char)quote + "");
            }

            i += k;
            var b = _text[i];
            if (b == quote)
            {
                _pos = i + 1;
                return new Token(kind, start, PositionAt(_pos), flags);
            }

            if (b == (byte)'\\')
            {
                flags |= TokenFlags.HasEscapes;
                // Skip the escaped byte so \" does not end the string; a line break after the backslash
                // still ends the line (the string is then unterminated).
                var next = i + 1 < _text.Length ? _text[i + 1] : (byte)0;
                i += next is (byte)'\n' or (byte)'\r' || i + 1 >= _text.Length ? 1 : 2;
                continue;
            }

            if (b == (byte)'\n' || (b == (byte)'\r' && i + 1 < _text.Length && _text[i + 1] == (byte)'\n'))
            {
                return Unterminated(start, i, kind, flags, "string", (char)quote + "");
            }

            flags |= TokenFlags.Malformed;
            _diagnostics.Report(PositionAt(i), ControlInString(b, kind));
            i++;
        }
    }

    private Token ScanMultiline(TomlPosition start, byte quote, SearchValues<byte> stops, TokenKind kind)
    {
        var flags = TokenFlags.None;
        var i = _pos + 3;
        while (true)
        {
            var k = _text[i..].IndexOfAny(stops);
            if (k < 0)
            {
                return Unterminated(start, _text.Length, kind, flags, "multi-line string", quote == (byte)'"' ? "\"\"\"" : "'''");
            }

            i += k;
            var b = _text[i];
            if (b == quote)
            {
                var run = _text[i..].IndexOfAnyExcept(quote);
                run = run < 0 ? _text.Length - i : run;
                if (run < 3)
                {
                    i += run;
                    continue;
                }

                // Up to two quotes right before the closing three belong to the content: """a""""" is a"".
                _pos = i + Math.Min(run - 3, 2) + 3;
                return new Token(kind, start, PositionAt(_pos), flags);
            }

            if (b == (byte)'\\')
            {
                flags |= TokenFlags.HasEscapes;
                var next = i + 1 < _text.Length ? _text[i + 1] : (byte)0;
                // A line-ending backslash is decoded later; leave the newline for the line counting below.
                i += next is (byte)'\n' or (byte)'\r' || i + 1 >= _text.Length ? 1 : 2;
                continue;
            }

            if (b == (byte)'\n')
            {
                PositionAt(i + 1);
                StartLine(i + 1);
                i++;
                continue;
            }

            if (b == (byte)'\r' && i + 1 < _text.Length && _text[i + 1] == (byte)'\n')
            {
                i++;
                continue;
            }

            flags |= TokenFlags.Malformed;
            _diagnostics.Report(PositionAt(i), ControlInString(b, kind));
            i++;
        }
    }

    private Token Unterminated(TomlPosition start, int at, TokenKind kind, TokenFlags flags, string what, string closer)
    {
        _pos = at;
        var end = PositionAt(_pos);
        var where = at >= _text.Length ? "the end of the file" : "the end of the line";
        _diagnostics.Report(end, $"unterminated {what} (opened at {start}): missing the closing {closer} before {where}");
        return new Token(kind, start, end, flags | TokenFlags.Malformed);
    }

    private static string ControlInString(byte b, TokenKind kind) =>
        kind is TokenKind.BasicString or TokenKind.MultilineBasicString
            ? $"{CharacterNames.Control(b)} must be escaped in a string (write \\u{b:X4})"
            : $"{CharacterNames.Control(b)} is not allowed in a literal string";
}
