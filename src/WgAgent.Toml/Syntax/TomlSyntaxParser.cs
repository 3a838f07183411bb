using WgAgent.Toml.Decoding;
using WgAgent.Toml.Diagnostics;
using WgAgent.Toml.Lexing;
using WgAgent.Toml.Semantics;
using WgAgent.Toml.Text;

namespace WgAgent.Toml.Syntax;

/// <summary>
/// Recursive-descent parser for TOML's statements (key/value pairs and table headers), producing syntax
/// with spans and handing each statement to the <see cref="ModelBuilder"/> as soon as it is complete,
/// so no syntax tree for the whole document is kept.
/// </summary>
/// <remarks>
/// On a syntax error the parser reports it, skips to the end of the statement (through any open arrays)
/// and carries on, so one parse can report several independent errors. Nesting of arrays and inline
/// tables is limited to <see cref="TomlParser.MaxDepth"/>, so hostile input cannot exhaust the stack.
/// </remarks>
internal ref partial struct TomlSyntaxParser
{
    private readonly DiagnosticBag _diagnostics;
    private readonly ModelBuilder _builder;
    private readonly string? _path;
    private readonly List<KeySegment> _segments = new();
    private readonly KeyNameCache _keyNames = new();
    private TomlLexer _lexer;
    private Token _last;
    private int _openBrackets;
    private int _openBraces;

    public TomlSyntaxParser(ReadOnlySpan<byte> text, int start, DiagnosticBag diagnostics, ModelBuilder builder)
    {
        _lexer = new TomlLexer(text, start, diagnostics);
        _diagnostics = diagnostics;
        _builder = builder;
        _path = diagnostics.SourcePath;
    }

    public void ParseDocument()
    {
        while (!_diagnostics.IsFull)
        {
            var token = Next(LexMode.Key);
            bool ok;
            switch (token.Kind)
            {
                case TokenKind.EndOfFile:
                    _builder.Finish(Span(token));
                    return;
                case TokenKind.Newline:
                    continue;
                case TokenKind.LeftBracket:
                    ok = ParseTableHeader(token);
                    break;
                default:
                    ok = ParseKeyValueStatement(token);
                    break;
            }

            if (!ok)
            {
                // Every failure path reports first; this guard keeps a missed one from yielding a
                // silently incomplete document.
                if (!_diagnostics.HasErrors)
                {
                    _diagnostics.Report(token.Start, token.End, "invalid statement");
                }

                Recover();
            }
        }
    }

    private bool ParseKeyValueStatement(Token first)
    {
        if (!ParseKeyValue(first, 0, "expected a key or a table header", out var keyValue))
        {
            return false;
        }

        _builder.AddKeyValue(keyValue);
        return ExpectEndOfLine("the value");
    }

    private bool ParseTableHeader(Token open)
    {
        var text = _lexer.Text;
        // [[ must be written without a space: "[ [a]]" is a table header whose key is missing.
        var isArray = open.End.Offset < text.Length && text[open.End.Offset] == (byte)'[';
        if (isArray)
        {
            Next(LexMode.Key);
        }

        if (!ParseKey(Next(LexMode.Key), isArray ? "expected a table name after '[['" : "expected a table name after '['", out var key, out var close))
        {
            return false;
        }

        if (close.Kind != TokenKind.RightBracket)
        {
            return Error(close, $"expected {(isArray ? "']]'" : "']'")} after the table name {CharacterNames.Quote(key.Display())}, found {Describe(close)}");
        }

        var end = close;
        if (isArray)
        {
            if (close.End.Offset >= text.Length || text[close.End.Offset] != (byte)']')
            {
                return Error(close, "expected ']]' to close the array-of-tables header");
            }

            end = Next(LexMode.Key);
        }

        _builder.DefineTable(new TableHeaderSyntax(key, isArray, new TomlSpan(_path, open.Start, end.End)));
        return ExpectEndOfLine("the table header");
    }

    private bool ParseKeyValue(Token first, int depth, string expected, out KeyValueSyntax keyValue)
    {
        keyValue = default;
        if (!ParseKey(first, expected, out var key, out var after))
        {
            return false;
        }

        if (after.Kind != TokenKind.Equals)
        {
            return Error(after, $"expected '=' after the key {CharacterNames.Quote(key.Display())}, found {Describe(after)}");
        }

        if (!ParseValue(Next(LexMode.Value), depth, out var value))
        {
            return false;
        }

        keyValue = new KeyValueSyntax(key, value);
        return true;
    }

    /// <summary>Parses a key (dotted or not) starting at <paramref name="token"/>; <paramref name="after"/> is the token after it.</summary>
    private bool ParseKey(Token token, string expected, out KeySyntax key, out Token after)
    {
        key = default;
        after = default;
        _segments.Clear();
        while (true)
        {
            if (token.Kind is TokenKind.MultilineBasicString or TokenKind.MultilineLiteralString)
            {
                return Error(token, "a multi-line string cannot be a key");
            }

            if (token.Kind is not (TokenKind.BareKey or TokenKind.BasicString or TokenKind.LiteralString))
            {
                return Error(token, $"{expected}, found {Describe(token)}");
            }

            var name = token.Kind == TokenKind.BareKey
                ? _keyNames.Get(token.TextIn(_lexer.Text))
                : StringDecoder.Decode(new DecodeContext(_lexer.Text, token, _diagnostics));
            _segments.Add(new KeySegment(name, Span(token)));
            after = Next(LexMode.Key);
            if (after.Kind != TokenKind.Dot)
            {
                key = _segments.Count == 1 ? new KeySyntax(_segments[0]) : new KeySyntax(_segments.ToArray());
                return true;
            }

            token = Next(LexMode.Key);
            expected = "expected a key after '.'";
        }
    }

    private bool ExpectEndOfLine(string what)
    {
        var token = Next(LexMode.Key);
        return token.Kind is TokenKind.Newline or TokenKind.EndOfFile
            || Error(token, $"expected the end of the line after {what}, found {Describe(token)}");
    }
}
