using System.Buffers;
using WgAgent.Toml.Diagnostics;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Lexing;

/// <summary>
/// Splits validated UTF-8 TOML into tokens on demand, in the mode the parser asks for. Skips spaces, tabs
/// and comments (checking comments for control characters); newlines are tokens because TOML's grammar
/// is line-based. Strings are delimited and checked here, and decoded later by the parser.
/// </summary>
/// <remarks>
/// Positions are computed as the lexer moves forward: the current line and a column checkpoint advance
/// monotonically, so the whole input is counted once however long its lines are.
/// </remarks>
internal ref partial struct TomlLexer
{
    private static readonly SearchValues<byte> BareKeyChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"u8);

    private static readonly SearchValues<byte> AtomChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+.:"u8);

    private readonly ReadOnlySpan<byte> _text;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;
    private int _line;
    private int _checkOffset;
    private int _checkColumn;

    /// <param name="text">The whole input, already checked to be valid UTF-8.</param>
    /// <param name="start">Where lexing starts (3 when a byte-order mark was skipped).</param>
    /// <param name="diagnostics">Where lexical errors go.</param>
    public TomlLexer(ReadOnlySpan<byte> text, int start, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
        _pos = start;
        _line = 1;
        _checkOffset = start;
        _checkColumn = 1;
    }

    public readonly ReadOnlySpan<byte> Text => _text;

    /// <summary>The next token, lexed as the parser expects (see <see cref="LexMode"/>).</summary>
    public Token Next(LexMode mode)
    {
        SkipSpacesAndComments();
        var start = PositionAt(_pos);
        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.EndOfFile, start, start);
        }

        var b = _text[_pos];
        switch (b)
        {
            case (byte)'\n':
                return NewlineToken(start, 1);
            case (byte)'\r' when _pos + 1 < _text.Length && _text[_pos + 1] == (byte)'\n':
                return NewlineToken(start, 2);
            case (byte)'=':
                return Single(TokenKind.Equals, start);
            case (byte)'.' when mode == LexMode.Key:
                return Single(TokenKind.Dot, start);
            case (byte)',':
                return Single(TokenKind.Comma, start);
            case (byte)'[':
                return Single(TokenKind.LeftBracket, start);
            case (byte)']':
                return Single(TokenKind.RightBracket, start);
            case (byte)'{':
                return Single(TokenKind.LeftBrace, start);
            case (byte)'}':
                return Single(TokenKind.RightBrace, start);
            case (byte)'"':
                return ScanBasicString(start);
            case (byte)'\'':
                return ScanLiteralString(start);
        }

        if (mode == LexMode.Key && BareKeyChars.Contains(b))
        {
            _pos = RunEnd(_pos, BareKeyChars);
            return new Token(TokenKind.BareKey, start, PositionAt(_pos));
        }

        if (mode == LexMode.Value && AtomChars.Contains(b))
        {
            return ScanAtom(start);
        }

        // One whole character (a UTF-8 sequence), so the parser can name it in its message.
        _pos += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        _pos = Math.Min(_pos, _text.Length);
        return new Token(TokenKind.Invalid, start, PositionAt(_pos));
    }

    /// <summary>The position of an offset at or after the checkpoint on the current line.</summary>
    private TomlPosition PositionAt(int offset)
    {
        var column = _checkColumn;
        for (var i = _checkOffset; i < offset; i++)
        {
            column += PositionCounter.Utf16Width(_text[i]);
        }

        _checkOffset = offset;
        _checkColumn = column;
        return new TomlPosition(offset, _line, column);
    }

    /// <summary>Records that a line starts at <paramref name="offset"/> (just after a line feed).</summary>
    private void StartLine(int offset)
    {
        _line++;
        _checkOffset = offset;
        _checkColumn = 1;
    }

    private Token Single(TokenKind kind, TomlPosition start)
    {
        _pos++;
        return new Token(kind, start, PositionAt(_pos));
    }

    private Token NewlineToken(TomlPosition start, int length)
    {
        _pos += length;
        var end = PositionAt(_pos);
        StartLine(_pos);
        return new Token(TokenKind.Newline, start, end);
    }

    private readonly int RunEnd(int from, SearchValues<byte> chars)
    {
        var k = _text[from..].IndexOfAnyExcept(chars);
        return k < 0 ? _text.Length : from + k;
    }

    private Token ScanAtom(TomlPosition start)
    {
        _pos = RunEnd(_pos, AtomChars);
        // RFC 3339 lets a space stand for the T between date and time; only then does a value contain one.
        if (_pos - start.Offset == 10 && LooksLikeDate(_text.Slice(start.Offset, 10))
            && _pos + 1 < _text.Length && _text[_pos] == (byte)' ' && char.IsAsciiDigit((char)_text[_pos + 1]))
        {
            _pos = RunEnd(_pos + 1, AtomChars);
        }

        return new Token(TokenKind.Atom, start, PositionAt(_pos));
    }

    private static bool LooksLikeDate(ReadOnlySpan<byte> s) =>
        s[4] == (byte)'-' && s[7] == (byte)'-' && IsDigits(s[..4]) && IsDigits(s.Slice(5, 2)) && IsDigits(s.Slice(8, 2));

    private static bool IsDigits(ReadOnlySpan<byte> s) => s.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
}
