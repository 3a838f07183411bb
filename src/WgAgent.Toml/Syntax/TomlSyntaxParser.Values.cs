using System.Runtime.CompilerServices;
using WgAgent.Toml.Decoding;
using WgAgent.Toml.Lexing;

namespace WgAgent.Toml.Syntax;

/// <summary>Values: strings, unquoted scalars, arrays and inline tables.</summary>
internal ref partial struct TomlSyntaxParser
{
    private bool ParseValue(Token token, int depth, out ValueSyntax value)
    {
        value = default;
        switch (token.Kind)
        {
            case TokenKind.BasicString or TokenKind.LiteralString or TokenKind.MultilineBasicString or TokenKind.MultilineLiteralString:
                value = new ValueSyntax(StringDecoder.Decode(new DecodeContext(_lexer.Text, token, _diagnostics)), Span(token));
                return true;
            case TokenKind.Atom:
                var scalar = AtomDecoder.Decode(new DecodeContext(_lexer.Text, token, _diagnostics));
                if (scalar is null)
                {
                    return false;
                }

                value = new ValueSyntax(scalar, Span(token));
                return true;
            case TokenKind.LeftBracket or TokenKind.LeftBrace when !RuntimeHelpers.TryEnsureSufficientExecutionStack():
                // A backstop behind MaxDepth: a caller on a very small stack gets a diagnostic, not a
                // stack overflow (which no catch can stop). Unoptimized frames can be a few KiB per level.
                return Error(token, "arrays and inline tables are nested too deeply for this thread's stack");
            case TokenKind.LeftBracket:
                return ParseArray(token, depth + 1, out value);
            case TokenKind.LeftBrace:
                return ParseInlineTable(token, depth + 1, out value);
            default:
                return Error(token, $"expected a value, found {Describe(token)}");
        }
    }

    private bool ParseArray(Token open, int depth, out ValueSyntax value)
    {
        value = default;
        if (depth > TomlParser.MaxDepth)
        {
            return Error(open, $"arrays and inline tables are nested too deeply (more than {TomlParser.MaxDepth} levels)");
        }

        _openBrackets++;
        var array = new ArraySyntax();
        var token = NextSkippingNewlines(LexMode.Value);
        while (token.Kind != TokenKind.RightBracket)
        {
            if (!ParseValue(token, depth, out var item))
            {
                return false;
            }

            array.Items.Add(item);
            token = NextSkippingNewlines(LexMode.Value);
            if (token.Kind == TokenKind.Comma)
            {
                token = NextSkippingNewlines(LexMode.Value);
            }
            else if (token.Kind != TokenKind.RightBracket)
            {
                return Error(token, $"expected ',' or ']' after an array element, found {Describe(token)} (the array starts at {open.Start})");
            }
        }

        _openBrackets--;
        value = new ValueSyntax(array, new TomlSpan(_path, open.Start, token.End));
        return true;
    }

    private bool ParseInlineTable(Token open, int depth, out ValueSyntax value)
    {
        value = default;
        if (depth > TomlParser.MaxDepth)
        {
            return Error(open, $"arrays and inline tables are nested too deeply (more than {TomlParser.MaxDepth} levels)");
        }

        _openBraces++;
        var table = new InlineTableSyntax();
        var token = Next(LexMode.Key);
        if (token.Kind != TokenKind.RightBrace)
        {
            var expected = "expected a key or '}'";
            while (true)
            {
                if (!ParseKeyValue(token, depth, expected, out var entry))
                {
                    return false;
                }

                table.Entries.Add(entry);
                token = Next(LexMode.Key);
                if (token.Kind == TokenKind.RightBrace)
                {
                    break;
                }

                if (token.Kind != TokenKind.Comma)
                {
                    var hint = token.Kind == TokenKind.Newline ? " (TOML 1.0 inline tables must be on one line)" : string.Empty;
                    return Error(token, $"expected ',' or '}}' in the inline table, found {Describe(token)}{hint}");
                }

                token = Next(LexMode.Key);
                if (token.Kind == TokenKind.RightBrace)
                {
                    return Error(token, "a trailing comma is not allowed in an inline table (TOML 1.0)");
                }

                expected = "expected a key after ','";
            }
        }

        _openBraces--;
        value = new ValueSyntax(table, new TomlSpan(_path, open.Start, token.End));
        return true;
    }
}
