namespace WgAgent.Toml;

/// <summary>The four date-time types of TOML.</summary>
public enum TomlDateTimeKind
{
    /// <summary><c>1979-05-27T07:32:00-07:00</c>: a date, a time and an offset from UTC (an instant).</summary>
    OffsetDateTime,

    /// <summary><c>1979-05-27T07:32:00</c>: a date and a time, no offset.</summary>
    LocalDateTime,

    /// <summary><c>1979-05-27</c>: a date only.</summary>
    LocalDate,

    /// <summary><c>07:32:00</c>: a time of day only.</summary>
    LocalTime,
}
