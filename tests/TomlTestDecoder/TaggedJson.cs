using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using WgAgent.Toml;

namespace TomlTestDecoder;

/// <summary>
/// Writes a TOML document as toml-test's tagged JSON: tables are objects, arrays are arrays, and every
/// scalar is <c>{"type": "...", "value": "..."}</c> with the value as a string.
/// </summary>
public static class TaggedJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Keep non-ASCII text readable; any JSON reader accepts it.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = TomlParser.MaxDepth * 2 + 8,
    };

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    /// <param name="document">The root table.</param>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    public static void Write(TomlTable document, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        WriteValue(writer, document);
    }

    /// <summary>Renders <paramref name="document"/> as a JSON string.</summary>
    /// <param name="document">The root table.</param>
    /// <returns>The tagged JSON.</returns>
    public static string ToJson(TomlTable document)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case TomlTable table:
                writer.WriteStartObject();
                foreach (var (key, item) in table)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<TomlTable> tables:
                writer.WriteStartArray();
                foreach (var item in tables)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TomlArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                var (type, text) = Scalar(value);
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteString("value", text);
                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>The toml-test type name and value text of a scalar.</summary>
    /// <param name="value">A string, long, double, bool or <see cref="TomlDateTime"/>.</param>
    /// <returns>The tag and the text.</returns>
    public static (string Type, string Value) Scalar(object value) => value switch
    {
        string s => ("string", s),
        long l => ("integer", l.ToString(CultureInfo.InvariantCulture)),
        double d => ("float", FormatFloat(d)),
        bool b => ("bool", b ? "true" : "false"),
        TomlDateTime dt => (dt.Kind switch
        {
            TomlDateTimeKind.OffsetDateTime => "datetime",
            TomlDateTimeKind.LocalDateTime => "datetime-local",
            TomlDateTimeKind.LocalDate => "date-local",
            _ => "time-local",
        }, dt.ToString()),
        _ => throw new ArgumentException($"not a TOML scalar: {value.GetType()}", nameof(value)),
    };

    private static string FormatFloat(double d) => d switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(d) => "nan",
        _ => d.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant(),
    };
}
