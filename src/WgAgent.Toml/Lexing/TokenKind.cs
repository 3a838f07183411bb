namespace WgAgent.Toml.Lexing;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum TokenKind : byte
{
    EndOfFile,
    Newline,
    Equals,
    Dot,
    Comma,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,

    /// <summary>A run of <c>A-Za-z0-9_-</c> (only lexed where a key may stand).</summary>
    BareKey,

    /// <summary>
    /// An unquoted value: a run of <c>A-Za-z0-9_+-.:</c>, plus one space between a date and a time (only
    /// lexed where a value may stand). The decoder decides whether it is a number, a boolean or a date-time.
    /// </summary>
    Atom,

    BasicString,
    LiteralString,
    MultilineBasicString,
    MultilineLiteralString,

    /// <summary>One character that cannot start any token here; the parser reports it in context.</summary>
    Invalid,
}
