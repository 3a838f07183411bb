using System.Text;

namespace WgAgent.Toml.Tests.Api;

public class TomlParserApiTests
{
    [Fact]
    public void Parse_ValidBytes_ReturnsDocumentWithoutDiagnostics()
    {
        var bytes = Encoding.UTF8.GetBytes("name = \"wg0\"\n");

        var result = TomlParser.Parse(bytes, "x.toml");

        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("wg0", result.Document!["name"]);
    }

    [Fact]
    public void Parse_InvalidText_ReturnsNoDocumentAndDiagnostics()
    {
        var result = TomlParser.Parse("name = \n");

        Assert.False(result.Success);
        Assert.Null(result.Document);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void TryParse_Valid_ReturnsTrueAndDocument()
    {
        var ok = TomlParser.TryParse("a = 1"u8, "x.toml", out var document, out var diagnostics);

        Assert.True(ok);
        Assert.Equal(1L, document!["a"]);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void TryParse_Invalid_ReturnsFalseAndDiagnostics()
    {
        var ok = TomlParser.TryParse("a = 1\na = 2", "x.toml", out var document, out var diagnostics);

        Assert.False(ok);
        Assert.Null(document);
        Assert.Equal("x.toml:2:1: error: duplicate key 'a' (first defined at 1:1)", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void TryParse_NullText_ReturnsEmptyDocument()
    {
        var ok = TomlParser.TryParse((string?)null, null, out var document, out var diagnostics);

        Assert.True(ok);
        Assert.Empty(document!);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ToModel_Invalid_ThrowsTomlExceptionWithFileLineAndColumn()
    {
        var e = Assert.Throws<TomlException>(() => TomlParser.ToModel("[wireguard]\ninterface = wg0\n", "wgagent.toml"));

        Assert.Equal("wgagent.toml", e.SourcePath);
        Assert.Equal(2, e.Line);
        Assert.Equal(13, e.Column);
        Assert.Equal(
            "wgagent.toml:2:13: error: invalid value 'wg0': strings must be quoted, booleans are true or false",
            e.Message);
    }

    [Fact]
    public void ToModel_SeveralErrors_HeadlineCountsTheRestAndListsAll()
    {
        var e = Assert.Throws<TomlException>(() => TomlParser.ToModel("a = \nb = \nc = 1"));

        Assert.Equal(2, e.Diagnostics.Count);
        Assert.EndsWith("(and 1 more)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToModel_ValidBytes_ReturnsDocument()
    {
        var document = TomlParser.ToModel("[a]\nb = true"u8);

        Assert.Equal(true, ((TomlTable)document["a"])["b"]);
    }

    [Fact]
    public void Diagnostic_WithoutSourcePath_RendersInputPlaceholder()
    {
        var diagnostic = Assert.Single(TomlParser.Parse("x").Diagnostics);

        Assert.Equal("<input>:1:2: error: expected '=' after the key 'x', found the end of the file", diagnostic.ToString());
    }

    [Fact]
    public void Diagnostic_CreatedFromSpan_RendersAsPathLineColumn()
    {
        // What the config layer does: point at a value the parser accepted but the schema rejects.
        var document = TomlParser.ToModel("[killswitch]\nallow_lan = [\"10.0.0.0/8\", \"192.168.0.0/33\"]\n", "wgagent.toml");
        var allowLan = (TomlArray)((TomlTable)document["killswitch"])["allow_lan"];

        var diagnostic = new TomlDiagnostic(allowLan.GetSpan(1), "killswitch.allow_lan[1]: \"192.168.0.0/33\" is not a CIDR");

        Assert.Equal("wgagent.toml:2:28: error: killswitch.allow_lan[1]: \"192.168.0.0/33\" is not a CIDR", diagnostic.ToString());
    }

    [Fact]
    public void Parse_StringWithUnpairedSurrogate_ReportsDiagnostic()
    {
        var result = TomlParser.Parse("a = 1\nb = \"\uD800\"");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(2, diagnostic.Line);
        Assert.Contains("surrogate", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IndependentErrors_ReportsEachOnItsLine()
    {
        var errors = TomlParser.Parse("a = 1 2\nb = \"\\q\"\nc = 3\nc = 4\n").Diagnostics;

        Assert.Equal([1, 2, 4], errors.Select(e => e.Line));
    }

    [Fact]
    public void Parse_BrokenMultilineArray_ReportsOneErrorThenCarriesOn()
    {
        // Recovery skips to where the brackets balance, so the array's later lines do not echo the error,
        // and the duplicate key after it is still found.
        var errors = TomlParser.Parse("a = [\n  1 2,\n  3,\n]\nb = 1\nb = 2\n").Diagnostics;

        Assert.Equal([2, 6], errors.Select(e => e.Line));
    }

    [Fact]
    public void Parse_GarbageLines_StopsAtTheErrorCap()
    {
        var garbage = string.Concat(Enumerable.Repeat("!\n", 10_000));

        var errors = TomlParser.Parse(garbage).Diagnostics;

        Assert.Equal(101, errors.Count);
        Assert.Contains("too many errors", errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Utf16File_SaysItLooksLikeUtf16()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("a = 1")).ToArray();

        var diagnostic = Assert.Single(TomlParser.Parse(bytes).Diagnostics);

        Assert.Contains("UTF-16", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8InSecondLine_PointsAtTheByte()
    {
        byte[] bytes = [.. "a = 1\nb = \"x"u8, 0xFF, .. "\"\n"u8];

        var diagnostic = Assert.Single(TomlParser.Parse(bytes).Diagnostics);

        Assert.Equal((2, 7), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("0xFF", diagnostic.Message, StringComparison.Ordinal);
    }
}
