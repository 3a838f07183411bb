using WgAgent.Toml.Tests.Support;

namespace WgAgent.Toml.Tests.Model;

/// <summary>
/// Every key and every value carries where it was written, so a later layer can point at
/// <c>killswitch.allow_lan[1]</c> or an inline table's entry.
/// </summary>
public class PositionTests
{
    private const string Config = """
        # wgagent
        [killswitch]
        allow_lan = ["10.0.0.0/8", "192.168.0.0/33"]
        egress = "tunnel"
        limits = { rate = 5, burst.max = 10 }

        [[exporter]]
        name = "node"
        port = 9100

        [[exporter]]
        name = "wg"
        """;

    private static readonly TomlTable Document = TomlParser.ToModel(Config, "wgagent.toml");

    private static TomlTable Killswitch => (TomlTable)Document["killswitch"];

    [Fact]
    public void GetKeySpan_KeyValue_PointsAtTheKey()
    {
        var span = Killswitch.GetKeySpan("egress");

        Assert.Equal(SourceText.Find(Config, "egress"), (span.Line, span.Column));
        Assert.Equal("wgagent.toml", span.SourcePath);
    }

    [Fact]
    public void GetValueSpan_Scalar_CoversTheLiteral()
    {
        var span = Killswitch.GetValueSpan("egress");

        Assert.Equal(SourceText.Find(Config, "\"tunnel\""), (span.Start.Line, span.Start.Column));
        Assert.Equal("\"tunnel\"".Length, span.End.Column - span.Start.Column);
    }

    [Fact]
    public void GetSpan_ArrayElement_PointsAtTheElement()
    {
        var allowLan = (TomlArray)Killswitch["allow_lan"];

        var span = allowLan.GetSpan(1);

        Assert.Equal(SourceText.Find(Config, "\"192.168.0.0/33\""), (span.Line, span.Column));
    }

    [Fact]
    public void GetValueSpan_Array_CoversTheBrackets()
    {
        var span = Killswitch.GetValueSpan("allow_lan");
        var allowLan = (TomlArray)Killswitch["allow_lan"];

        Assert.Equal(SourceText.Find(Config, "[\"10"), (span.Line, span.Column));
        Assert.Equal(span, allowLan.Span);
        Assert.Equal(span.Start.Column + "[\"10.0.0.0/8\", \"192.168.0.0/33\"]".Length, span.End.Column);
    }

    [Fact]
    public void InlineTable_Entries_CarryKeyAndValueSpans()
    {
        var limits = (TomlTable)Killswitch["limits"];
        var burst = (TomlTable)limits["burst"];

        Assert.True(limits.IsInline);
        Assert.Equal(SourceText.Find(Config, "rate"), (limits.GetKeySpan("rate").Line, limits.GetKeySpan("rate").Column));
        Assert.Equal(SourceText.Find(Config, "5,"), (limits.GetValueSpan("rate").Line, limits.GetValueSpan("rate").Column));
        Assert.Equal(SourceText.Find(Config, "max"), (burst.GetKeySpan("max").Line, burst.GetKeySpan("max").Column));
        Assert.Equal(SourceText.Find(Config, "10 }"), (burst.GetValueSpan("max").Line, burst.GetValueSpan("max").Column));
    }

    [Fact]
    public void HeaderTable_SpanIsTheHeader_KeySpanIsItsName()
    {
        var valueSpan = Document.GetValueSpan("killswitch");
        var keySpan = Document.GetKeySpan("killswitch");

        Assert.Equal(SourceText.Find(Config, "[killswitch]"), (valueSpan.Line, valueSpan.Column));
        Assert.Equal(valueSpan.Start.Column + "[killswitch]".Length, valueSpan.End.Column);
        Assert.Equal(SourceText.Find(Config, "killswitch]"), (keySpan.Line, keySpan.Column));
        Assert.Equal(valueSpan, Killswitch.Span);
    }

    [Fact]
    public void TableArray_ElementSpans_AreTheirHeaders()
    {
        var exporters = (TomlTableArray)Document["exporter"];

        Assert.Equal(2, exporters.Count);
        Assert.Equal(SourceText.Find(Config, "[[exporter]]", 0).Line, exporters.GetSpan(0).Line);
        Assert.Equal(SourceText.Find(Config, "[[exporter]]", 1).Line, exporters.GetSpan(1).Line);
        Assert.Equal(SourceText.Find(Config, "\"wg\"").Line, exporters[1].GetValueSpan("name").Line);
    }

    [Fact]
    public void DottedKey_EachSegmentTable_KeyedAtItsSegment()
    {
        const string toml = "a.b.c = 1";
        var document = TomlParser.ToModel(toml);
        var a = (TomlTable)document["a"];
        var b = (TomlTable)a["b"];

        Assert.Equal(1, document.GetKeySpan("a").Column);
        Assert.Equal(3, a.GetKeySpan("b").Column);
        Assert.Equal(5, b.GetKeySpan("c").Column);
        Assert.Equal(9, b.GetValueSpan("c").Column);
    }

    [Fact]
    public void ImplicitTable_DefinedLater_TakesThePositionOfItsHeader()
    {
        const string toml = "[a.b]\nx = 1\n[a]\ny = 2\n";
        var document = TomlParser.ToModel(toml);

        Assert.Equal((3, 2), (document.GetKeySpan("a").Line, document.GetKeySpan("a").Column));
        Assert.Equal((3, 1), (((TomlTable)document["a"]).Span.Line, ((TomlTable)document["a"]).Span.Column));
    }

    [Fact]
    public void MultilineString_ValueSpan_EndsOnItsLastLine()
    {
        const string toml = "s = \"\"\"\none\ntwo\"\"\"\nt = 1";

        var span = TomlParser.ToModel(toml).GetValueSpan("s");

        Assert.Equal((1, 5), (span.Start.Line, span.Start.Column));
        Assert.Equal((3, 7), (span.End.Line, span.End.Column));
    }

    [Fact]
    public void RootTable_Span_CoversTheDocument()
    {
        Assert.Equal((1, 1), (Document.Span.Start.Line, Document.Span.Start.Column));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(Config), Document.Span.End.Offset);
    }

    [Fact]
    public void Entries_InSourceOrder_WithSpans()
    {
        var entries = Killswitch.Entries;

        Assert.Equal(["allow_lan", "egress", "limits"], entries.Select(e => e.Key));
        Assert.Equal(Killswitch.GetKeySpan("egress"), entries[1].KeySpan);
        Assert.Equal("tunnel", entries[1].Value);
    }

    [Fact]
    public void Span_ToString_IsPathLineColumn()
    {
        Assert.Equal($"wgagent.toml:{SourceText.Find(Config, "egress").Line}:1", Killswitch.GetKeySpan("egress").ToString());
    }
}
