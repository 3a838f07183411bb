using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WgAgent.Core.Status;

/// <summary>
/// Writes timestamps as ISO 8601 in UTC with a <c>Z</c> (<c>2025-05-04T10:42:07Z</c>, fractions only when there are
/// any): the default writer keeps the offset (<c>+00:00</c>) and always seven fraction digits. Reads any ISO 8601
/// timestamp with an offset.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return TryParse(text, out var value) ? value : throw new JsonException($"{text} is not an ISO 8601 timestamp");
    }

    /// <summary>Reads a timestamp as <see cref="Read"/> does (also for <see cref="StatusJsonReader"/>).</summary>
    internal static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
