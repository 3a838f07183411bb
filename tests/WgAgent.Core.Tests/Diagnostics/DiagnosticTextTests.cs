using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Tests.Diagnostics;

public sealed class DiagnosticTextTests
{
    [Theory]
    [InlineData("10.0.0.0/33", "\"10.0.0.0/33\"")]
    [InlineData("", "\"\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("cr\r", "\"cr\\r\"")]
    [InlineData("esc\u001b[31m", "\"esc\\u001b[31m\"")]
    [InlineData("bom\uFEFF", "\"bom\\ufeff\"")]
    [InlineData("grüße", "\"grüße\"")]
    public void Quote_Value_EscapesQuotesBackslashesAndControlCharacters(string value, string expected)
    {
        Assert.Equal(expected, DiagnosticText.Quote(value));
    }

    [Fact]
    public void Quote_LongValue_IsCutWithAnEllipsis()
    {
        var value = new string('x', 100);

        var quoted = DiagnosticText.Quote(value);

        Assert.Equal("\"" + new string('x', DiagnosticText.MaxQuotedLength - 1) + "…\"", quoted);
    }

    [Fact]
    public void Quote_ValueOfMaxLength_IsNotCut()
    {
        var value = new string('y', DiagnosticText.MaxQuotedLength);

        Assert.Equal("\"" + value + "\"", DiagnosticText.Quote(value));
    }
}
