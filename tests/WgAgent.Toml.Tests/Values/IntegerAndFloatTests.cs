namespace WgAgent.Toml.Tests.Values;

public class IntegerAndFloatTests
{
    private static object Value(string literal) => TomlParser.ToModel($"v = {literal}")["v"];

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("+17", 17L)]
    [InlineData("-0", 0L)]
    [InlineData("1_000_000", 1_000_000L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0xDEADBEEF", 0xDEADBEEFL)]
    [InlineData("0xdead_beef", 0xDEADBEEFL)]
    [InlineData("0x7FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("0x00000001", 1L)]
    [InlineData("0o755", 493L)]
    [InlineData("0o777777777777777777777", long.MaxValue)]
    [InlineData("0b1101_0110", 214L)]
    public void Parse_Integer_DecodesExactly(string literal, long expected)
    {
        Assert.Equal(expected, Value(literal));
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("99999999999999999999999")]
    [InlineData("0x8000000000000000")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF")]
    [InlineData("0o1000000000000000000000")]
    public void Parse_IntegerBeyond64Bits_ReportsOutOfRange(string literal)
    {
        var diagnostic = Assert.Single(TomlParser.Parse($"v = {literal}").Diagnostics);

        Assert.Contains("out of range", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.1415", 3.1415)]
    [InlineData("-0.01", -0.01)]
    [InlineData("5e+22", 5e22)]
    [InlineData("1e06", 1e6)]
    [InlineData("-2E-2", -0.02)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("224_617.445_991_228", 224617.445991228)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    public void Parse_Float_DecodesToNearestDouble(string literal, double expected)
    {
        Assert.Equal(expected, Value(literal));
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("+nan")]
    [InlineData("-nan")]
    public void Parse_NaN_IsNaN(string literal)
    {
        Assert.True(double.IsNaN((double)Value(literal)));
    }

    [Fact]
    public void Parse_NegativeZero_KeepsTheSign()
    {
        Assert.True(double.IsNegative((double)Value("-0.0")));
        Assert.False(double.IsNegative((double)Value("+0.0")));
    }

    [Theory]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1.5e+")]
    [InlineData("01.5")]
    [InlineData("1_.5")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("+0x1")]
    [InlineData("0X1")]
    [InlineData("0b2")]
    [InlineData("Inf")]
    public void Parse_MalformedNumber_IsRejected(string literal)
    {
        Assert.False(TomlParser.Parse($"v = {literal}").Success);
    }
}
