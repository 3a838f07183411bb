using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WgAgent.Core.Status;

/// <summary>
/// Reads and writes the status API's JSON (what the daemon serves and agentctl reads). Writing uses the source-generated
/// <see cref="StatusJsonContext"/>; reading uses <see cref="StatusJsonReader"/>, which needs no serializer metadata, so a
/// program that only reads (agentctl) neither builds nor carries it.
/// </summary>
public static class StatusJson
{
    // The default encoder escapes what is dangerous inside HTML (quotes as \u0022, backticks, apostrophes, all
    // non-ASCII): unreadable in `curl` output and pointless in an application/json answer nobody embeds in a page.
    // Control characters, backslash and the double quote are still escaped, as JSON requires. Created on first write
    // (two threads may both create one; either serves).
    private static StatusJsonContext Context => field ??= new(new JsonSerializerOptions(StatusJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The status document as JSON, ending with a newline (so <c>curl</c> leaves the prompt on its own line).</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(StatusDocument document) =>
        JsonSerializer.Serialize(document, Context.StatusDocument) + "\n";

    /// <summary>The kill-switch document as JSON, ending with a newline.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(KillswitchDocument document) =>
        JsonSerializer.Serialize(document, Context.KillswitchDocument) + "\n";

    /// <summary>The status document as UTF-8 JSON, for the response body.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The bytes of <see cref="Serialize(StatusDocument)"/>.</returns>
    public static byte[] SerializeToUtf8(StatusDocument document) => Encoding.UTF8.GetBytes(Serialize(document));

    /// <summary>The kill-switch document as UTF-8 JSON, for the response body.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The bytes of <see cref="Serialize(KillswitchDocument)"/>.</returns>
    public static byte[] SerializeToUtf8(KillswitchDocument document) => Encoding.UTF8.GetBytes(Serialize(document));

    /// <summary>Reads a status document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The text is not a status document.</exception>
    public static StatusDocument Deserialize(string json) => StatusJsonReader.ReadStatus(json);

    /// <summary>Reads a kill-switch document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The text is not a kill-switch document.</exception>
    public static KillswitchDocument DeserializeKillswitch(string json) => StatusJsonReader.ReadKillswitch(json);

    /// <summary>Reads a status document without throwing.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="document">The document when it parsed.</param>
    /// <param name="error">Why it did not, e.g. <c>reading the status: '}' is invalid after …</c>.</param>
    /// <returns>True when it parsed.</returns>
    public static bool TryDeserialize(string json, [NotNullWhen(true)] out StatusDocument? document, [NotNullWhen(false)] out string? error) =>
        TryRead(() => Deserialize(json), "the status", out document, out error);

    /// <summary>Reads a kill-switch document without throwing.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="document">The document when it parsed.</param>
    /// <param name="error">Why it did not.</param>
    /// <returns>True when it parsed.</returns>
    public static bool TryDeserializeKillswitch(string json, [NotNullWhen(true)] out KillswitchDocument? document,
        [NotNullWhen(false)] out string? error) =>
        TryRead(() => DeserializeKillswitch(json), "the kill-switch document", out document, out error);

    private static bool TryRead<T>(Func<T> read, string what, [NotNullWhen(true)] out T? document, [NotNullWhen(false)] out string? error)
        where T : class
    {
        try
        {
            document = read();
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            document = null;
            error = $"reading {what}: {e.Message}";
            return false;
        }
    }
}
