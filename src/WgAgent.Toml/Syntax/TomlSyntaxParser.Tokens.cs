using WgAgent.Toml.Lexing;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Syntax;

/// <summary>Token plumbing: reading, reporting, naming tokens in messages, and recovering after an error.</summary>
internal ref partial struct TomlSyntaxParser
{
    /// <summary>
    /// Skips what is left of a broken statement: to the end of its line, or, inside an open array or inline
    /// table, to the end of the line where the brackets balance (an array may span lines; an inline table
    /// broken over lines, as TOML 1.1 allows, would otherwise echo one error per line). Errors in the
    /// skipped text are muted.
    /// </summary>
    private void Recover()
    {
        var depth = _openBrackets + _openBraces;
        _openBrackets = 0;
        _openBraces = 0;
        if (depth == 0 && _last.Kind is TokenKind.Newline or TokenKind.EndOfFile)
        {
            return;
        }

        _diagnostics.Muted = true;
        while (true)
        {
            var token = Next(LexMode.Value);
            if (token.Kind == TokenKind.EndOfFile || (token.Kind == TokenKind.Newline && depth <= 0))
            {
                break;
            }

            depth += token.Kind switch
            {
                TokenKind.LeftBracket or TokenKind.LeftBrace => 1,
                TokenKind.RightBracket or TokenKind.RightBrace => -1,
                _ => 0,
            };
        }

        _diagnostics.Muted = false;
    }

    private Token Next(LexMode mode) => _last = _lexer.Next(mode);

    private Token NextSkippingNewlines(LexMode mode)
    {
        var token = Next(mode);
        while (token.Kind == TokenKind.Newline)
        {
            token = Next(mode);
        }

        return token;
    }

    private readonly TomlSpan Span(Token token) => new(_path, token.Start, token.End);

    private readonly bool Error(Token at, string message)
    {
        _diagnostics.Report(at.Start, at.End, message);
        return false;
    }

    private readonly string Describe(Token token) => token.Kind switch
    {
        TokenKind.EndOfFile => "the end of the file",
        TokenKind.Newline => "the end of the line",
        TokenKind.Equals => "'='",
        TokenKind.Dot => "'.'",
        TokenKind.Comma => "','",
        TokenKind.LeftBracket => "'['",
        TokenKind.RightBracket => "']'",
        TokenKind.LeftBrace => "'{'",
        TokenKind.RightBrace => "'}'",
        TokenKind.BareKey or TokenKind.Atom => CharacterNames.Quote(token.TextIn(_lexer.Text)),
        TokenKind.Invalid => CharacterNames.Character(_lexer.Text[token.Start.Offset..]),
        _ => "a string",
    };
}
