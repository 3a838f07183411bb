using WgAgent.Toml.Diagnostics;
using WgAgent.Toml.Lexing;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Decoding;

/// <summary>
/// What a decoder needs to report an error at the exact character inside a token: the input, the token's
/// start position, and the diagnostics.
/// </summary>
internal readonly ref struct DecodeContext
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly DiagnosticBag _diagnostics;

    public DecodeContext(ReadOnlySpan<byte> text, Token token, DiagnosticBag diagnostics)
    {
        _text = text;
        Token = token;
        _diagnostics = diagnostics;
    }

    public Token Token { get; }

    /// <summary>The token's own text.</summary>
    public ReadOnlySpan<byte> TokenText => _text[Token.Start.Offset..Token.End.Offset];

    /// <summary>Reports an error at a byte offset relative to the token's start.</summary>
    public void Error(int indexInToken, string message)
    {
        var at = PositionCounter.Advance(_text, Token.Start, Token.Start.Offset + indexInToken);
        _diagnostics.Report(at, message);
    }
}
