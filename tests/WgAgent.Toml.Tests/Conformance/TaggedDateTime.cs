using System.Globalization;
using System.Text.RegularExpressions;

namespace WgAgent.Toml.Tests.Conformance;

/// <summary>
/// Parses a tagged-JSON date-time independently of the library under test, into a value that compares
/// the way toml-test compares: offset date-times as instants (nanoseconds since 0000-03-01 UTC, so the
/// years 0001 and 9999 of valid/datetime/edge work with any offset), the local kinds field by field.
/// </summary>
internal static partial class TaggedDateTime
{
    [GeneratedRegex(@"^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex Shape();

    public static (long? Date, long? Time, long? Instant) Parse(string type, string text)
    {
        var t = text.ToUpperInvariant().Replace(' ', 'T');
        if (type == "time-local")
        {
            t = "T" + t;
        }

        var m = Shape().Match(t);
        if (!m.Success)
        {
            throw new FormatException($"not a {type}: '{text}'");
        }

        int Group(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        long? date = m.Groups[1].Success ? DaysFromCivil(Group(1), Group(2), Group(3)) : null;
        long? time = null;
        if (m.Groups[4].Success)
        {
            var fraction = m.Groups[7].Success ? m.Groups[7].Value : "0";
            var nanos = long.Parse(fraction.Length > 9 ? fraction[..9] : fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
            time = ((Group(4) * 3600L) + (Group(5) * 60L) + Group(6)) * 1_000_000_000L + nanos;
        }

        var hasOffset = m.Groups[8].Success;
        var shapeOk = type switch
        {
            "datetime" => date is not null && time is not null && hasOffset,
            "datetime-local" => date is not null && time is not null && !hasOffset,
            "date-local" => date is not null && time is null && !hasOffset,
            "time-local" => date is null && time is not null && !hasOffset,
            _ => false,
        };
        if (!shapeOk)
        {
            throw new FormatException($"not a {type}: '{text}'");
        }

        if (type != "datetime")
        {
            return (date, time, null);
        }

        var offset = m.Groups[8].Value;
        long offsetMinutes = offset == "Z" ? 0
            : (offset[0] == '-' ? -1 : 1) * ((long.Parse(offset[1..3], CultureInfo.InvariantCulture) * 60) + long.Parse(offset[4..6], CultureInfo.InvariantCulture));
        return (null, null, (date!.Value * 86_400_000_000_000L) + time!.Value - (offsetMinutes * 60_000_000_000L));
    }

    /// <summary>Days since 0000-03-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).</summary>
    private static long DaysFromCivil(int y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097L) + doe;
    }
}
