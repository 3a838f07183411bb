namespace WgAgent.Toml.Tests.Values;

public class StringTests
{
    private static string Value(string toml) => (string)TomlParser.ToModel(toml)["s"];

    [Theory]
    [InlineData("s = \"a\\tb\\nc\\\\d\\\"e\"", "a\tb\nc\\d\"e")]
    [InlineData("s = \"\\b\\f\\r\"", "\b\f\r")]
    [InlineData("s = \"\\u00e9\\U0001F600\"", "é😀")]
    [InlineData("s = \"\\u0000\"", "\0")]
    [InlineData("s = 'C:\\Users\\nodejs'", "C:\\Users\\nodejs")]
    [InlineData("s = \"\"", "")]
    [InlineData("s = ''", "")]
    [InlineData("s = \"\"\"\nRoses\nViolets\"\"\"", "Roses\nViolets")]
    [InlineData("s = \"\"\"\r\nRoses\r\nViolets\"\"\"", "Roses\nViolets")]
    [InlineData("s = \"\"\"The quick \\\n\n   brown \\\n   fox.\"\"\"", "The quick brown fox.")]
    [InlineData("s = \"\"\"a \\   \n   b\"\"\"", "a b")]
    [InlineData("s = \"\"\"a\"\"\"\"\"", "a\"\"")]
    [InlineData("s = '''\nI [dw]on't need \\d{2}'''", "I [dw]on't need \\d{2}")]
    [InlineData("s = ''''That''s'''''", "'That''s''")]
    [InlineData("s = \"tab\there\"", "tab\there")]
    [InlineData("s = \"ünïcödé ✓\"", "ünïcödé ✓")]
    public void Parse_String_DecodesEscapesAndNewlines(string toml, string expected)
    {
        Assert.Equal(expected, Value(toml));
    }

    [Fact]
    public void Parse_LongStringWithEscapes_DecodesBeyondTheStackBuffer()
    {
        var body = string.Concat(Enumerable.Repeat("ab\\t", 1000));

        var value = Value($"s = \"{body}\"");

        Assert.Equal(string.Concat(Enumerable.Repeat("ab\t", 1000)), value);
    }

    [Theory]
    [InlineData("s = \"\\x41\"")]
    [InlineData("s = \"\\e\"")]
    [InlineData("s = \"\\u12\"")]
    [InlineData("s = \"\\UFFFFFFFF\"")]
    [InlineData("s = \"\\uDFFF\"")]
    [InlineData("s = \"a\\ b\"")]
    [InlineData("s = \"a\nb\"")]
    [InlineData("s = \"\"\"a\"\"\"\"\"\"")]
    [InlineData("s = '''a\rb'''")]
    [InlineData("\"\"\"key\"\"\" = 1")]
    public void Parse_MalformedString_IsRejected(string toml)
    {
        Assert.False(TomlParser.Parse(toml).Success);
    }
}
