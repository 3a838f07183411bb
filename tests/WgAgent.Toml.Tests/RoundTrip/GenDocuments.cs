using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace WgAgent.Toml.Tests.RoundTrip;

/// <summary>FsCheck generators of random documents: every value type, odd keys, nesting, arrays of tables.</summary>
public static class GenDocuments
{
    private static readonly string[] Keys =
    [
        "a", "b", "key", "port", "x-1", "_", "1234", "true", "inf", "", " ", "a.b", "é", "\"", "\\", "\n", "#", "[", "=", "😀", "tab\there",
    ];

    private static readonly char[] StringChars =
    [
        'a', 'z', 'Q', '0', ' ', '"', '\'', '\\', '\n', '\t', '\u0001', '\u001f', '\u007f', 'é', '✓', '\uffff', '#', '=', '[', ']', '{',
    ];

    public static Arbitrary<GenTable> Documents() => Table(3, inline: false).ToArbitrary();

    private static Gen<GenTable> Table(int depth, bool inline) =>
        from count in Gen.Choose(0, 5)
        from keys in Gen.ArrayOf(Gen.Elements(Keys), count)
        from values in Gen.ArrayOf(Value(depth, inline), count)
        select new GenTable(
            keys.Zip(values).DistinctBy(p => p.First).Select(p => KeyValuePair.Create(p.First, p.Second)).ToList(),
            inline);

    private static Gen<GenNode> Value(int depth, bool insideInline)
    {
        var scalar = Scalar();
        if (depth == 0)
        {
            return scalar;
        }

        return Gen.Frequency(
            (6, scalar),
            (1, from count in Gen.Choose(0, 4)
                from items in Gen.ArrayOf(Value(depth - 1, insideInline: true), count)
                select (GenNode)new GenArray(items, AsTableArray: false)),
            (1, from count in Gen.Choose(1, 3)
                from asHeaders in Gen.Elements(!insideInline, false)
                from items in Gen.ArrayOf(Table(depth - 1, inline: !asHeaders).Select(t => (GenNode)t), count)
                select (GenNode)new GenArray(items, asHeaders)),
            (2, from inline in Gen.Elements(true, insideInline)
                from table in Table(depth - 1, inline)
                select (GenNode)table));
    }

    private static Gen<GenNode> Scalar() =>
        Gen.OneOf(StringScalar(), IntegerScalar(), FloatScalar(), Gen.Elements(true, false).Select(b => (GenNode)new GenScalar(b ? "true" : "false", b)), DateTimeScalar());

    private static Gen<GenNode> StringScalar() =>
        from length in Gen.Choose(0, 12)
        from chars in Gen.ArrayOf(Gen.Elements(StringChars), length)
        from form in Gen.Choose(0, 3)
        select (GenNode)new GenScalar(TomlText.String(new string(chars), form), new string(chars));

    private static Gen<GenNode> IntegerScalar() =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        from small in Gen.Elements(true, false)
        from form in Gen.Choose(0, 3)
        let value = small ? low % 1000 : ((long)high << 32) | (uint)low
        select (GenNode)new GenScalar(TomlText.Integer(value, form), value);

    private static Gen<GenNode> FloatScalar() =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        from simple in Gen.Choose(-100_000, 100_000)
        from useBits in Gen.Elements(true, false)
        let value = useBits ? BitConverter.Int64BitsToDouble(((long)high << 32) | (uint)low) : simple / 64.0
        select (GenNode)new GenScalar(TomlText.Float(value), value);

    private static Gen<GenNode> DateTimeScalar() =>
        from kind in Gen.Choose(0, 3)
        from year in Gen.Choose(0, 9999)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from hour in Gen.Choose(0, 23)
        from minute in Gen.Choose(0, 59)
        from second in Gen.Choose(0, 59)
        from digits in Gen.Choose(0, 9)
        from fraction in Gen.Choose(0, 999_999_999)
        from offset in Gen.Choose(-(23 * 60 + 59), 23 * 60 + 59)
        from separator in Gen.Elements("T", "t", " ")
        select DateTime(kind, year, month, day, hour, minute, second, digits, fraction, offset, separator);

    private static GenNode DateTime(int kind, int year, int month, int day, int hour, int minute, int second, int digits,
        int fraction, int offset, string separator)
    {
        var inv = CultureInfo.InvariantCulture;
        var date = string.Create(inv, $"{year:D4}-{month:D2}-{day:D2}");
        var time = string.Create(inv, $"{hour:D2}:{minute:D2}:{second:D2}")
            + (digits == 0 ? string.Empty : "." + fraction.ToString("D9", inv)[..digits]);
        var zone = offset == 0 ? "Z" : string.Create(inv, $"{(offset < 0 ? '-' : '+')}{Math.Abs(offset) / 60:D2}:{Math.Abs(offset) % 60:D2}");
        var (literal, canonical) = kind switch
        {
            0 => (date + separator + time + (zone == "Z" ? "z" : zone), date + "T" + time + zone),
            1 => (date + separator + time, date + "T" + time),
            2 => (date, date),
            _ => (time, time),
        };
        return new GenScalar(literal, new CanonicalDateTime(canonical));
    }
}
