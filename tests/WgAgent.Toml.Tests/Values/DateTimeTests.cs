namespace WgAgent.Toml.Tests.Values;

public class DateTimeTests
{
    private static TomlDateTime Value(string literal) => (TomlDateTime)TomlParser.ToModel($"v = {literal}")["v"];

    [Theory]
    [InlineData("1979-05-27T07:32:00Z", TomlDateTimeKind.OffsetDateTime)]
    [InlineData("1979-05-27T00:32:00.999999-07:00", TomlDateTimeKind.OffsetDateTime)]
    [InlineData("1979-05-27T07:32:00", TomlDateTimeKind.LocalDateTime)]
    [InlineData("1979-05-27T00:32:00.5", TomlDateTimeKind.LocalDateTime)]
    [InlineData("1979-05-27", TomlDateTimeKind.LocalDate)]
    [InlineData("07:32:00", TomlDateTimeKind.LocalTime)]
    [InlineData("00:32:00.100", TomlDateTimeKind.LocalTime)]
    [InlineData("0001-01-01T00:00:00Z", TomlDateTimeKind.OffsetDateTime)]
    [InlineData("9999-12-31T23:59:59+23:59", TomlDateTimeKind.OffsetDateTime)]
    public void Parse_DateTime_KindAndTextRoundTrip(string literal, TomlDateTimeKind kind)
    {
        var value = Value(literal);

        Assert.Equal(kind, value.Kind);
        Assert.Equal(literal, value.ToString());
    }

    [Theory]
    [InlineData("1979-05-27 07:32:00Z", "1979-05-27T07:32:00Z")]
    [InlineData("1979-05-27t07:32:00z", "1979-05-27T07:32:00Z")]
    [InlineData("1979-05-27T07:32:00+00:00", "1979-05-27T07:32:00+00:00")]
    [InlineData("1979-05-27T07:32:00.1234567891Z", "1979-05-27T07:32:00.123456789Z")]
    public void Parse_DateTime_NormalisesSeparatorsAndTruncatesPastNanoseconds(string literal, string expected)
    {
        Assert.Equal(expected, Value(literal).ToString());
    }

    [Fact]
    public void Parse_OffsetDateTime_FieldsAndInstant()
    {
        var value = Value("1979-05-27T00:32:00.999999-07:00");

        Assert.Equal((1979, 5, 27, 0, 32, 0), (value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second));
        Assert.Equal(999_999_000, value.Nanosecond);
        Assert.Equal(6, value.FractionDigits);
        Assert.Equal(TimeSpan.FromHours(-7), value.Offset);
        Assert.False(value.IsUtcDesignator);
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.Zero).AddTicks(9_999_990), value.ToDateTimeOffset());
    }

    [Fact]
    public void Parse_LocalKinds_ConvertToBclTypes()
    {
        Assert.Equal(new DateOnly(1979, 5, 27), Value("1979-05-27").ToDateOnly());
        Assert.Equal(new TimeOnly(7, 32, 0, 250), Value("07:32:00.25").ToTimeOnly());
        Assert.Equal(new DateTime(1979, 5, 27, 7, 32, 0), Value("1979-05-27T07:32:00").ToDateTime());
        Assert.Null(Value("1979-05-27T07:32:00").Offset);
        Assert.Throws<InvalidOperationException>(() => Value("1979-05-27T07:32:00").ToDateTimeOffset());
        Assert.Throws<InvalidOperationException>(() => Value("07:32:00").ToDateOnly());
        Assert.Throws<InvalidOperationException>(() => Value("1979-05-27").ToTimeOnly());
    }

    [Theory]
    [InlineData("2000-02-29", true)]
    [InlineData("2004-02-29", true)]
    [InlineData("1900-02-29", false)]
    [InlineData("2023-02-29", false)]
    [InlineData("2023-04-31", false)]
    [InlineData("2023-12-31", true)]
    [InlineData("2023-00-10", false)]
    [InlineData("24:00:00", false)]
    [InlineData("23:60:00", false)]
    [InlineData("23:59:60", false)]
    [InlineData("1979-05-27T07:32:00+24:00", false)]
    [InlineData("1979-05-27T07:32:00.", false)]
    [InlineData("07:32:00Z", false)]
    [InlineData("1979-05-27T07:32", false)]
    public void Parse_DateTime_ValidatesCalendarAndClock(string literal, bool valid)
    {
        Assert.Equal(valid, TomlParser.Parse($"v = {literal}").Success);
    }
}
