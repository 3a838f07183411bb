using System.Globalization;
using System.Text.Json;

namespace WgAgent.Lab.Nspawn;

/// <summary>One journal record as printed by <c>journalctl -o json</c>: its fields by name.</summary>
/// <param name="Fields">All fields; values journald stored as binary are decoded as UTF-8.</param>
public sealed record JournalEntry(IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>MESSAGE, or an empty string.</summary>
    public string Message => Get("MESSAGE") ?? string.Empty;

    /// <summary>_SYSTEMD_UNIT: the unit whose process logged this.</summary>
    public string? SystemdUnit => Get("_SYSTEMD_UNIT");

    /// <summary>UNIT: the unit PID 1 logs about (job start/finish records carry it).</summary>
    public string? Unit => Get("UNIT");

    /// <summary>MESSAGE_ID, for systemd's catalogued records (e.g. 39f53479d3a045ac8e11786248231fbf: unit started).</summary>
    public string? MessageId => Get("MESSAGE_ID");

    /// <summary>When it was logged (__REALTIME_TIMESTAMP).</summary>
    public DateTimeOffset? Timestamp =>
        long.TryParse(Get("__REALTIME_TIMESTAMP"), NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10)
            : null;

    /// <summary>A field's value, or null if the record lacks it.</summary>
    public string? Get(string field) => Fields.TryGetValue(field, out var value) ? value : null;

    /// <summary>Parses one line of <c>journalctl -o json</c>.</summary>
    /// <exception cref="JsonException">The line is not a JSON object.</exception>
    public static JournalEntry Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                // journald prints non-UTF-8 or control-character values as an array of bytes.
                JsonValueKind.Array when property.Value.EnumerateArray().All(b => b.ValueKind == JsonValueKind.Number) =>
                    System.Text.Encoding.UTF8.GetString(property.Value.EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray()),
                _ => property.Value.GetRawText(),
            };
        }

        return new JournalEntry(fields);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Timestamp:O} {SystemdUnit ?? Unit}: {Message}";
}
