using System.Globalization;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace Serilog.Sinks.Journald;

/// <summary>
/// Turns a log event into journal fields: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, then {prefix}MESSAGE_TEMPLATE,
/// one {prefix}NAME per property, and {prefix}EXCEPTION and {prefix}EXCEPTION_TYPE for an exception. Pure.
/// </summary>
public sealed class JournalEntryBuilder
{
    private static readonly JsonValueFormatter Json = new(typeTagName: null);
    private readonly MessageTemplateTextFormatter messageFormatter;
    private readonly string prefix;
    private readonly string? identifier;
    private readonly bool includeTemplate;

    /// <summary>Creates a builder for <paramref name="options"/>.</summary>
    /// <param name="options">The sink options.</param>
    /// <exception cref="ArgumentException">The prefix or the identifier is not usable.</exception>
    public JournalEntryBuilder(JournaldSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!JournalFieldName.IsValidPrefix(options.FieldPrefix))
        {
            throw new ArgumentException($"field prefix \"{options.FieldPrefix}\" is not [A-Z][A-Z0-9_]* of at most 32 characters", nameof(options));
        }

        if (options.SyslogIdentifier?.Contains('\n') == true)
        {
            throw new ArgumentException("the syslog identifier contains a newline", nameof(options));
        }

        messageFormatter = new MessageTemplateTextFormatter(options.OutputTemplate, options.FormatProvider ?? CultureInfo.InvariantCulture);
        prefix = options.FieldPrefix;
        identifier = string.IsNullOrEmpty(options.SyslogIdentifier) ? null : options.SyslogIdentifier;
        includeTemplate = options.IncludeMessageTemplate;
    }

    /// <summary>The rendered MESSAGE= text of <paramref name="logEvent"/>.</summary>
    /// <param name="logEvent">The event.</param>
    public string RenderMessage(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        messageFormatter.Format(logEvent, writer);
        return writer.ToString();
    }

    /// <summary>The fields of <paramref name="logEvent"/>, MESSAGE first.</summary>
    /// <param name="logEvent">The event.</param>
    public List<JournalField> Build(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var fields = new List<JournalField>(6 + logEvent.Properties.Count)
        {
            new("MESSAGE", RenderMessage(logEvent)),
            new("PRIORITY", SyslogPriority.FromLevel(logEvent.Level).ToString(CultureInfo.InvariantCulture)),
        };
        if (identifier is not null)
        {
            fields.Add(new("SYSLOG_IDENTIFIER", identifier));
        }

        if (includeTemplate)
        {
            fields.Add(new(prefix + "MESSAGE_TEMPLATE", logEvent.MessageTemplate.Text));
        }

        foreach (var (name, value) in logEvent.Properties)
        {
            fields.Add(new(JournalFieldName.FromProperty(prefix, name), Render(value)));
        }

        if (logEvent.Exception is { } exception)
        {
            fields.Add(new(prefix + "EXCEPTION_TYPE", exception.GetType().FullName ?? exception.GetType().Name));
            fields.Add(new(prefix + "EXCEPTION", exception.ToString()));
        }

        return fields;
    }

    /// <summary>
    /// A property value as field text: strings as they are (no quotes, so <c>journalctl WGAGENT_INTERFACE=wg0</c>
    /// matches), other scalars in the invariant culture (booleans lower-case, times ISO 8601), structures,
    /// sequences and dictionaries as JSON.
    /// </summary>
    /// <param name="value">The property value.</param>
    public static string Render(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: null } => "null",
        ScalarValue { Value: string text } => text,
        ScalarValue { Value: bool flag } => flag ? "true" : "false",
        ScalarValue { Value: DateTime time } => time.ToString("O", CultureInfo.InvariantCulture),
        ScalarValue { Value: DateTimeOffset time } => time.ToString("O", CultureInfo.InvariantCulture),
        ScalarValue { Value: IFormattable formattable } => formattable.ToString(null, CultureInfo.InvariantCulture),
        ScalarValue { Value: var other } => other.ToString() ?? string.Empty,
        _ => RenderJson(value),
    };

    private static string RenderJson(LogEventPropertyValue value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Json.Format(value, writer);
        return writer.ToString();
    }
}
