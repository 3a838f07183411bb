using Serilog.Events;
using Serilog.Parsing;
using Serilog.Sinks.Journald;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

public sealed class JournalEntryBuilderTests
{
    public static TheoryData<string, string> Values => new()
    {
        { "string", "wg0" },
        { "int", "51820" },
        { "double", "1.5" },
        { "bool", "true" },
        { "null", "null" },
        { "time", "2024-05-01T12:00:00.0000000+02:00" },
        { "sequence", "[\"10.0.0.1\",\"10.0.0.2\"]" },
        { "structure", "{\"Name\":\"node\",\"Port\":9100}" },
        { "dictionary", "{\"a\":1}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Render_Value_InvariantTextOrJson(string kind, string expected)
    {
        LogEventPropertyValue value = kind switch
        {
            "string" => new ScalarValue("wg0"),
            "int" => new ScalarValue(51820),
            "double" => new ScalarValue(1.5),
            "bool" => new ScalarValue(true),
            "null" => new ScalarValue(null),
            "time" => new ScalarValue(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2))),
            "sequence" => new SequenceValue([new ScalarValue("10.0.0.1"), new ScalarValue("10.0.0.2")]),
            "structure" => new StructureValue([new LogEventProperty("Name", new ScalarValue("node")), new LogEventProperty("Port", new ScalarValue(9100))]),
            "dictionary" => new DictionaryValue([new(new ScalarValue("a"), new ScalarValue(1))]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        Assert.Equal(expected, JournalEntryBuilder.Render(value));
    }

    [Fact]
    public void Build_EventWithPropertiesAndException_AllFieldsInOrder()
    {
        var builder = new JournalEntryBuilder(new JournaldSinkOptions());
        var exception = new InvalidOperationException("nft exited 1");
        var logEvent = Event(LogEventLevel.Error, "applying ruleset on {Interface}: {Reason}", exception, ("Interface", "wg0"), ("Reason", "nft failed"));

        var fields = builder.Build(logEvent);

        Assert.Equal(
            [
                new("MESSAGE", "applying ruleset on wg0: nft failed"),
                new("PRIORITY", "3"),
                new("SYSLOG_IDENTIFIER", "wgagent"),
                new("WGAGENT_MESSAGE_TEMPLATE", "applying ruleset on {Interface}: {Reason}"),
                new("WGAGENT_INTERFACE", "wg0"),
                new("WGAGENT_REASON", "nft failed"),
                new("WGAGENT_EXCEPTION_TYPE", "System.InvalidOperationException"),
                new JournalField("WGAGENT_EXCEPTION", exception.ToString()),
            ],
            fields);
    }

    [Fact]
    public void Build_NoIdentifierNoTemplateOtherPrefix_OnlyWhatIsAsked()
    {
        var builder = new JournalEntryBuilder(new JournaldSinkOptions { SyslogIdentifier = null, IncludeMessageTemplate = false, FieldPrefix = "APP_" });

        var fields = builder.Build(Event(LogEventLevel.Information, "hello {Name}", null, ("Name", "x")));

        Assert.Equal([new("MESSAGE", "hello x"), new("PRIORITY", "6"), new JournalField("APP_NAME", "x")], fields);
    }

    [Theory]
    [InlineData("wgagent_")]
    [InlineData("_X")]
    public void Constructor_InvalidPrefix_Throws(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new JournalEntryBuilder(new JournaldSinkOptions { FieldPrefix = prefix }));
    }

    [Fact]
    public void Constructor_IdentifierWithNewline_Throws()
    {
        Assert.Throws<ArgumentException>(() => new JournalEntryBuilder(new JournaldSinkOptions { SyslogIdentifier = "a\nPRIORITY=0" }));
    }

    internal static LogEvent Event(LogEventLevel level, string template, Exception? exception, params (string Name, object? Value)[] properties) =>
        new(
            DateTimeOffset.UnixEpoch,
            level,
            exception,
            new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));
}
