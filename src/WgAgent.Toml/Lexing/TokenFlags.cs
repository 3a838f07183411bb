namespace WgAgent.Toml.Lexing;

/// <summary>Facts the lexer learnt while delimiting a token, so later stages need not rescan.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>A basic string holds at least one backslash, so it needs the escape decoder.</summary>
    HasEscapes = 1,

    /// <summary>The lexer already reported an error inside this token; its value must not be decoded.</summary>
    Malformed = 2,
}
