using WgAgent.Toml.Text;

namespace WgAgent.Toml.Decoding;

/// <summary>
/// Decodes the four TOML date-time forms (RFC 3339 profiles): <c>YYYY-MM-DD</c>, <c>HH:MM:SS[.frac]</c>,
/// and the two joined by <c>T</c>, <c>t</c> or a space, optionally followed by <c>Z</c>, <c>z</c> or
/// <c>±HH:MM</c>. Every field is range-checked, including the day against the month and leap years.
/// </summary>
/// <remarks>
/// RFC 3339 permits a leap second (<c>:60</c>); like Python's tomllib this parser rejects it, because no
/// BCL type can hold it and a configuration never needs one.
/// </remarks>
internal static class DateTimeDecoder
{
    public static object? Decode(in DecodeContext context)
    {
        var s = context.TokenText;
        var c = new DateTimeCursor(s);
        int year = 0, month = 0, day = 0;
        var kind = TomlDateTimeKind.LocalTime;
        // A date comes first when the first non-digit is a dash; a lone time starts HH:.
        var firstNonDigit = s.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (firstNonDigit >= 0 && s[firstNonDigit] == (byte)'-')
        {
            if (!ParseDate(context, ref c, out year, out month, out day))
            {
                return null;
            }

            if (c.AtEnd)
            {
                return new TomlDateTime(TomlDateTimeKind.LocalDate, year, month, day, 0, 0, 0, 0, 0, 0, false);
            }

            if (c.Peek is not ((byte)'T' or (byte)'t' or (byte)' '))
            {
                return Fail(context, c.Index, "expected 'T' or a space between the date and the time, or the end of the date");
            }

            c.Index++;
            kind = TomlDateTimeKind.LocalDateTime;
        }

        if (!ParseTime(context, ref c, out var hour, out var minute, out var second, out var nanos, out var digits))
        {
            return null;
        }

        var offset = 0;
        var zulu = false;
        if (!c.AtEnd)
        {
            if (kind == TomlDateTimeKind.LocalTime)
            {
                return Fail(context, c.Index, "a time without a date cannot have an offset");
            }

            if (!ParseOffset(context, ref c, out offset, out zulu))
            {
                return null;
            }

            kind = TomlDateTimeKind.OffsetDateTime;
        }

        return new TomlDateTime(kind, year, month, day, hour, minute, second, nanos, digits, offset, zulu);
    }

    private static bool ParseDate(in DecodeContext context, ref DateTimeCursor c, out int year, out int month, out int day)
    {
        month = day = 0;
        if (!c.Digits(4, out year) || !c.Expect((byte)'-') || !c.Digits(2, out month) || !c.Expect((byte)'-') || !c.Digits(2, out day))
        {
            Fail(context, c.Index, "expected a date as YYYY-MM-DD");
            return false;
        }

        if (month is < 1 or > 12)
        {
            Fail(context, 5, $"month {month:D2} does not exist (01 to 12)");
            return false;
        }

        var days = month == 2 && IsLeapYear(year) ? 29 : DaysInMonth[month];
        if (day < 1 || day > days)
        {
            Fail(context, 8, $"day {day:D2} does not exist in {MonthNames[month]} {year:D4} (it has {days} days)");
            return false;
        }

        return true;
    }

    private static bool ParseTime(in DecodeContext context, ref DateTimeCursor c, out int hour, out int minute, out int second,
        out int nanos, out int digits)
    {
        var start = c.Index;
        minute = second = nanos = digits = 0;
        if (!c.Digits(2, out hour) || !c.Expect((byte)':') || !c.Digits(2, out minute))
        {
            Fail(context, c.Index, "expected a time as HH:MM:SS");
            return false;
        }

        if (c.AtEnd || c.Peek != (byte)':')
        {
            Fail(context, c.Index, "seconds are required (HH:MM:SS); TOML 1.0 has no HH:MM times");
            return false;
        }

        c.Index++;
        if (!c.Digits(2, out second))
        {
            Fail(context, c.Index, "expected two digits of seconds");
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            var (field, at, limit) = hour > 23 ? ("hour", 0, 23) : minute > 59 ? ("minute", 3, 59) : ("second", 6, 59);
            Fail(context, start + at, $"{field} out of range (00 to {limit})");
            return false;
        }

        if (!c.AtEnd && c.Peek == (byte)'.')
        {
            c.Index++;
            var fractionStart = c.Index;
            while (!c.AtEnd && char.IsAsciiDigit((char)c.Peek))
            {
                // Nanoseconds: further digits are validated but truncated, as TOML asks.
                if (digits < 9)
                {
                    nanos = nanos * 10 + (c.Peek - '0');
                    digits++;
                }

                c.Index++;
            }

            if (c.Index == fractionStart)
            {
                Fail(context, c.Index, "a digit must follow the '.' of the seconds");
                return false;
            }

            for (var k = digits; k < 9; k++)
            {
                nanos *= 10;
            }
        }

        return true;
    }

    private static bool ParseOffset(in DecodeContext context, ref DateTimeCursor c, out int minutes, out bool zulu)
    {
        minutes = 0;
        zulu = c.Peek is (byte)'Z' or (byte)'z';
        if (zulu)
        {
            c.Index++;
        }
        else
        {
            var start = c.Index;
            var sign = c.Peek == (byte)'-' ? -1 : 1;
            if (c.Peek is not ((byte)'+' or (byte)'-'))
            {
                Fail(context, c.Index, "expected an offset (Z or ±HH:MM) or the end of the date-time");
                return false;
            }

            c.Index++;
            if (!c.Digits(2, out var hours) || !c.Expect((byte)':') || !c.Digits(2, out var mins))
            {
                Fail(context, c.Index, "expected an offset as ±HH:MM");
                return false;
            }

            if (hours > 23 || mins > 59)
            {
                Fail(context, start, "offset out of range (hours 00 to 23, minutes 00 to 59)");
                return false;
            }

            minutes = sign * (hours * 60 + mins);
        }

        if (!c.AtEnd)
        {
            Fail(context, c.Index, $"unexpected {CharacterNames.Character(c.Rest)} after the date-time");
            return false;
        }

        return true;
    }

    private static object? Fail(in DecodeContext context, int index, string message)
    {
        var s = context.TokenText;
        var colon = s.IndexOf((byte)':');
        var dash = s.IndexOf((byte)'-');
        var noun = colon < 0 ? "date" : dash >= 0 && dash < colon ? "date-time" : "time";
        context.Error(Math.Min(index, s.Length), $"invalid {noun} {CharacterNames.Quote(s)}: {message}");
        return null;
    }

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static readonly int[] DaysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private static readonly string[] MonthNames =
        ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
}
