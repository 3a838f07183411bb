namespace WgAgent.Toml.Lexing;

/// <summary>
/// What the parser expects next. TOML is not context-free at the token level: <c>1.5</c> is two keys
/// and a dot where a key stands, but a float where a value stands, and <c>1979-05-27 07:32:00</c> is one
/// value despite the space. The parser always knows which it wants, so it tells the lexer.
/// </summary>
internal enum LexMode : byte
{
    /// <summary>Bare keys are lexed as <see cref="TokenKind.BareKey"/>.</summary>
    Key,

    /// <summary>Unquoted values are lexed as <see cref="TokenKind.Atom"/>.</summary>
    Value,
}
