using FsCheck.Xunit;

namespace WgAgent.Toml.Tests.RoundTrip;

/// <summary>
/// Random documents written as TOML (every value type, string form, integer base, date-time kind, odd
/// keys, inline tables, header tables, arrays of tables) must parse back to exactly what was written.
/// </summary>
public class RoundTripPropertyTests
{
    [Property(MaxTest = 500, Arbitrary = [typeof(GenDocuments)])]
    public void Parse_GeneratedDocument_ReturnsWhatWasWritten(GenTable document)
    {
        var toml = TomlText.Document(document);

        var result = TomlParser.Parse(toml);

        Assert.True(result.Success, $"{string.Join("; ", result.Diagnostics)}\n--- document ---\n{toml}");
        AssertSame(document, result.Document!, "(root)", toml);
    }

    private static void AssertSame(GenNode expected, object actual, string path, string toml)
    {
        switch (expected)
        {
            case GenTable table:
                var parsed = Assert.IsType<TomlTable>(actual);
                Assert.True(
                    table.Entries.Select(e => e.Key).Order(StringComparer.Ordinal).SequenceEqual(parsed.Keys.Order(StringComparer.Ordinal)),
                    $"{path}: keys differ\n{toml}");
                Assert.Equal(table.Inline, parsed.IsInline);
                foreach (var (key, value) in table.Entries)
                {
                    AssertSame(value, parsed[key], $"{path}.{key}", toml);
                }

                break;
            case GenArray { AsTableArray: true } array:
                var tables = Assert.IsType<TomlTableArray>(actual);
                Assert.Equal(array.Items.Count, tables.Count);
                for (var i = 0; i < tables.Count; i++)
                {
                    AssertSame(array.Items[i], tables[i], $"{path}[{i}]", toml);
                }

                break;
            case GenArray array:
                var items = Assert.IsType<TomlArray>(actual);
                Assert.Equal(array.Items.Count, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSame(array.Items[i], items[i], $"{path}[{i}]", toml);
                }

                break;
            case GenScalar { Expected: CanonicalDateTime dateTime }:
                Assert.Equal(dateTime.Text, Assert.IsType<TomlDateTime>(actual).ToString());
                break;
            case GenScalar { Expected: double d } when double.IsNaN(d):
                Assert.True(double.IsNaN(Assert.IsType<double>(actual)), $"{path}: expected NaN");
                break;
            case GenScalar { Expected: double d }:
                // Bitwise, so -0.0 and 0.0 differ: the shortest round-trip text must give back the same double.
                Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(Assert.IsType<double>(actual)));
                break;
            case GenScalar scalar:
                Assert.Equal(scalar.Expected, actual);
                break;
        }
    }
}
