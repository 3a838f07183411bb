using WgAgent.Toml.Tests.Support;

namespace WgAgent.Toml.Tests.Api;

/// <summary>The messages a person sees, and where they point: the offending character, 1-based.</summary>
public class DiagnosticMessageTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "a b = 1", "1:3: expected '=' after the key 'a', found 'b'" },
        { "port = 1\nport = 2", "2:1: duplicate key 'port' (first defined at 1:1)" },
        { "[server]\nport = 1\n\n  port = 2", "4:3: duplicate key 'port' (first defined at 2:1)" },
        { "s = \"abc", "1:9: unterminated string (opened at 1:5): missing the closing \" before the end of the file" },
        { "s = 'abc\nt = 1", "1:9: unterminated string (opened at 1:5): missing the closing ' before the end of the line" },
        { "s = \"a\\qb\"", "1:7: invalid escape '\\q'; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX" },
        { "s = \"\\uD800\"", "1:6: invalid escape: U+D800 is not a Unicode scalar value (allowed: U+0000 to U+D7FF and U+E000 to U+10FFFF)" },
        { "s = \"\"\"\nok\n  \\q\"\"\"", "3:3: invalid escape '\\q'; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX" },
        { "[a]\n[a]", "2:2: table [a] is defined twice (first at 1:2)" },
        { "a.b = 1\n[a]", "2:2: table [a] was already defined by dotted keys at 1:1; a header cannot define it again" },
        { "a = 1\na.b = 2", "2:1: 'a' is already an integer (defined at 1:1), so it cannot be a table" },
        { "t = {x = 1}\nt.y = 2", "2:1: cannot add keys to 't': it is an inline table (defined at 1:1), and inline tables are closed once written" },
        { "a = []\n[[a]]", "2:3: cannot append to 'a' with [[a]]: it is a static array (defined at 1:1)" },
        { "x = 0x", "1:5: invalid number '0x': no digits after '0x'" },
        { "x = 012", "1:5: invalid integer '012': leading zeros are not allowed" },
        { "x = 1__0", "1:6: invalid number '1__0': an underscore must stand between two digits" },
        { "x = 9223372036854775808", "1:5: integer '9223372036854775808' is out of range: TOML integers are 64-bit (-9223372036854775808 to 9223372036854775807)" },
        { "x = 1.", "1:7: invalid float '1.': a digit must follow the decimal point" },
        { "x = 1e400", "1:5: float '1e400' is out of range for a 64-bit float" },
        { "d = 2021-02-29", "1:13: invalid date '2021-02-29': day 29 does not exist in February 2021 (it has 28 days)" },
        { "d = 07:32", "1:10: invalid time '07:32': seconds are required (HH:MM:SS); TOML 1.0 has no HH:MM times" },
        { "x = [1, 2", "1:10: expected ',' or ']' after an array element, found the end of the file (the array starts at 1:5)" },
        { "x = {a = 1,}", "1:12: a trailing comma is not allowed in an inline table (TOML 1.0)" },
        { "x = {a = 1\n}", "1:11: expected ',' or '}' in the inline table, found the end of the line (TOML 1.0 inline tables must be on one line)" },
        { "x = on", "1:5: invalid value 'on': strings must be quoted, booleans are true or false" },
        { "= 1", "1:1: expected a key or a table header, found '='" },
        { "[a\n", "1:3: expected ']' after the table name 'a', found the end of the line" },
        { "[[a]\n", "1:4: expected ']]' to close the array-of-tables header" },
        { "a = 1 # ok\u0001", "1:11: the control character U+0001 is not allowed in a comment" },
        { "a = \"x\ty\u007f\"", "1:9: the DEL character (U+007F) must be escaped in a string (write \\u007F)" },
        { "a = 1\rb = 2", "1:6: expected the end of the line after the value, found a carriage return (U+000D) without a line feed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_InvalidDocument_ReportsPreciseMessageAtTheOffendingCharacter(string toml, string expected)
    {
        var errors = SourceText.Errors(toml);

        Assert.Equal(expected, Assert.Single(errors));
    }

    [Theory]
    [InlineData("é = 1", 1, 1)]
    [InlineData("s = \"é\\q\"", 1, 7)]
    [InlineData("s = \"😀\\q\"", 1, 8)] // U+1F600 is two UTF-16 code units, as editors count it
    [InlineData("\uFEFFa b = 1", 1, 3)] // a leading byte-order mark is not a column
    [InlineData("a = 1\r\nb = \r\n", 2, 5)]
    [InlineData("\ta b = 1", 1, 4)]
    [InlineData("s = '''\nline\n\u0001'''", 3, 1)]
    public void Parse_Error_ColumnCountsUtf16UnitsFromLineStart(string toml, int line, int column)
    {
        var diagnostic = TomlParser.Parse(toml).Diagnostics[0];

        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
    }
}
