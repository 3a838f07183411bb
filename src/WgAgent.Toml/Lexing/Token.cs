namespace WgAgent.Toml.Lexing;

/// <summary>One token: its kind and where it starts and ends (the text stays in the input).</summary>
internal readonly struct Token
{
    public Token(TokenKind kind, TomlPosition start, TomlPosition end, TokenFlags flags = TokenFlags.None)
    {
        Kind = kind;
        Start = start;
        End = end;
        Flags = flags;
    }

    public TokenKind Kind { get; }

    public TomlPosition Start { get; }

    public TomlPosition End { get; }

    public TokenFlags Flags { get; }

    public bool IsMalformed => (Flags & TokenFlags.Malformed) != 0;

    public bool IsString => Kind is TokenKind.BasicString or TokenKind.LiteralString
        or TokenKind.MultilineBasicString or TokenKind.MultilineLiteralString;

    public ReadOnlySpan<byte> TextIn(ReadOnlySpan<byte> source) => source[Start.Offset..End.Offset];
}
