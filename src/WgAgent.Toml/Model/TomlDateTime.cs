namespace WgAgent.Toml;

/// <summary>
/// A TOML date-time value of one of the four kinds, with the fields as written, including how many
/// fraction-of-second digits the source had, so it can be written back with the same precision.
/// </summary>
/// <remarks>
/// Fractions are kept to the nanosecond; further digits are truncated, as TOML asks of implementations
/// with less precision. Conversions to the BCL types (<see cref="ToDateTimeOffset"/> and friends) truncate
/// to the 100 ns tick.
/// </remarks>
public readonly partial struct TomlDateTime : IEquatable<TomlDateTime>
{
    private readonly short _offsetMinutes;
    private readonly bool _zulu;

    internal TomlDateTime(TomlDateTimeKind kind, int year, int month, int day, int hour, int minute, int second,
        int nanosecond, int fractionDigits, int offsetMinutes, bool zulu)
    {
        Kind = kind;
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        Nanosecond = nanosecond;
        FractionDigits = fractionDigits;
        _offsetMinutes = (short)offsetMinutes;
        _zulu = zulu;
    }

    /// <summary>Which of the four date-time types this is.</summary>
    public TomlDateTimeKind Kind { get; }

    /// <summary>The year (0-9999); 0 for a local time.</summary>
    public int Year { get; }

    /// <summary>The month (1-12); 0 for a local time.</summary>
    public int Month { get; }

    /// <summary>The day of the month (1-31); 0 for a local time.</summary>
    public int Day { get; }

    /// <summary>The hour (0-23); 0 for a local date.</summary>
    public int Hour { get; }

    /// <summary>The minute (0-59); 0 for a local date.</summary>
    public int Minute { get; }

    /// <summary>The second (0-59); 0 for a local date.</summary>
    public int Second { get; }

    /// <summary>The fraction of the second in nanoseconds (0-999 999 999).</summary>
    public int Nanosecond { get; }

    /// <summary>How many fraction digits the source had (0 when it had none; at most 9).</summary>
    public int FractionDigits { get; }

    /// <summary>The offset from UTC for an offset date-time; null for the local kinds.</summary>
    public TimeSpan? Offset => Kind == TomlDateTimeKind.OffsetDateTime ? TimeSpan.FromMinutes(_offsetMinutes) : null;

    /// <summary>True when an offset date-time was written with <c>Z</c> rather than a numeric offset.</summary>
    public bool IsUtcDesignator => Kind == TomlDateTimeKind.OffsetDateTime && _zulu;

    private bool HasDate => Kind != TomlDateTimeKind.LocalTime;

    private bool HasTime => Kind != TomlDateTimeKind.LocalDate;

    /// <summary>The instant an offset date-time names.</summary>
    /// <returns>The value as a <see cref="DateTimeOffset"/>.</returns>
    /// <exception cref="InvalidOperationException">The value is not an offset date-time.</exception>
    public DateTimeOffset ToDateTimeOffset()
    {
        if (Kind != TomlDateTimeKind.OffsetDateTime)
        {
            throw new InvalidOperationException($"a {Kind} has no offset; use ToDateTime()");
        }

        return new DateTimeOffset(ToDateTimeCore(), TimeSpan.FromMinutes(_offsetMinutes));
    }

    /// <summary>
    /// The date and time fields as a <see cref="DateTime"/> of kind <see cref="DateTimeKind.Unspecified"/>
    /// (for an offset date-time, the local wall-clock fields; midnight for a local date).
    /// </summary>
    /// <returns>The value as a <see cref="DateTime"/>.</returns>
    /// <exception cref="InvalidOperationException">The value is a local time, which has no date.</exception>
    public DateTime ToDateTime()
    {
        if (!HasDate)
        {
            throw new InvalidOperationException("a local time has no date; use ToTimeOnly()");
        }

        return ToDateTimeCore();
    }

    /// <summary>The date part.</summary>
    /// <returns>The value as a <see cref="DateOnly"/>.</returns>
    /// <exception cref="InvalidOperationException">The value is a local time.</exception>
    public DateOnly ToDateOnly() =>
        HasDate ? new DateOnly(Math.Max(1, Year), Month, Day) : throw new InvalidOperationException("a local time has no date");

    /// <summary>The time-of-day part.</summary>
    /// <returns>The value as a <see cref="TimeOnly"/>.</returns>
    /// <exception cref="InvalidOperationException">The value is a local date.</exception>
    public TimeOnly ToTimeOnly() =>
        HasTime
            ? new TimeOnly(new TimeSpan(Hour, Minute, Second).Ticks + Nanosecond / 100)
            : throw new InvalidOperationException("a local date has no time");

    // DateTime cannot hold the year 0, which TOML (RFC 3339) allows; it is clamped to 1, the only lossy case.
    private DateTime ToDateTimeCore() =>
        new DateTime(Math.Max(1, Year), Math.Max(1, Month), Math.Max(1, Day), Hour, Minute, Second, DateTimeKind.Unspecified)
            .AddTicks(Nanosecond / 100);

    /// <inheritdoc />
    public bool Equals(TomlDateTime other) =>
        Kind == other.Kind && Year == other.Year && Month == other.Month && Day == other.Day && Hour == other.Hour
        && Minute == other.Minute && Second == other.Second && Nanosecond == other.Nanosecond
        && FractionDigits == other.FractionDigits && _offsetMinutes == other._offsetMinutes && _zulu == other._zulu;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TomlDateTime other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Kind, Year, Month, Day, Hour, Minute, Second, HashCode.Combine(Nanosecond, FractionDigits, _offsetMinutes));

    /// <summary>Compares two values field by field.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(TomlDateTime left, TomlDateTime right) => left.Equals(right);

    /// <summary>Compares two values field by field.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(TomlDateTime left, TomlDateTime right) => !left.Equals(right);
}
