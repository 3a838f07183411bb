namespace WgAgent.Toml;

/// <summary>Writing a <see cref="TomlDateTime"/> back as RFC 3339 text.</summary>
public readonly partial struct TomlDateTime
{
    /// <summary>
    /// Renders RFC 3339 text: <c>T</c> between date and time, the fraction with the source's number of
    /// digits, <c>Z</c> or <c>±HH:MM</c> for an offset date-time (e.g. <c>1979-05-27T00:32:00.999-07:00</c>).
    /// </summary>
    /// <returns>The value as TOML (and toml-test) writes it.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[40];
        var n = 0;
        if (HasDate)
        {
            n += Digits(buffer[n..], Year, 4);
            buffer[n++] = '-';
            n += Digits(buffer[n..], Month, 2);
            buffer[n++] = '-';
            n += Digits(buffer[n..], Day, 2);
            if (HasTime)
            {
                buffer[n++] = 'T';
            }
        }

        if (HasTime)
        {
            n += Digits(buffer[n..], Hour, 2);
            buffer[n++] = ':';
            n += Digits(buffer[n..], Minute, 2);
            buffer[n++] = ':';
            n += Digits(buffer[n..], Second, 2);
            if (FractionDigits > 0)
            {
                buffer[n++] = '.';
                // Nanosecond holds 9 digits; print the leading ones the source had.
                Span<char> nine = stackalloc char[9];
                Digits(nine, Nanosecond, 9);
                nine[..FractionDigits].CopyTo(buffer[n..]);
                n += FractionDigits;
            }
        }

        if (Kind == TomlDateTimeKind.OffsetDateTime)
        {
            if (_zulu)
            {
                buffer[n++] = 'Z';
            }
            else
            {
                var minutes = (int)_offsetMinutes;
                buffer[n++] = minutes < 0 ? '-' : '+';
                minutes = Math.Abs(minutes);
                n += Digits(buffer[n..], minutes / 60, 2);
                buffer[n++] = ':';
                n += Digits(buffer[n..], minutes % 60, 2);
            }
        }

        return new string(buffer[..n]);
    }

    private static int Digits(Span<char> into, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + value % 10);
            value /= 10;
        }

        return width;
    }
}
