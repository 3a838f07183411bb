using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WgAgent.Status.Http;

/// <summary>What a handler returns: a status code, a content type and the whole body (sent with Content-Length).</summary>
public sealed class HttpResponse
{
    /// <summary>The content type of JSON bodies.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The content type of plain text bodies.</summary>
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">200..999 except 204 and 304, which may not carry the Content-Length every response has.</param>
    /// <param name="contentType">The Content-Type value (visible ASCII and spaces only).</param>
    /// <param name="body">The body.</param>
    public HttpResponse(int statusCode, string contentType, ReadOnlyMemory<byte> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 999);
        if (statusCode is 204 or 304)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "204 and 304 carry no Content-Length; use 200");
        }

        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; }

    /// <summary>The Content-Type value.</summary>
    public string ContentType { get; }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Further header fields (e.g. Allow, Retry-After); the server writes Content-Length, Connection and Date.</summary>
    public IReadOnlyList<HttpHeader> Headers { get; init; } = [];

    /// <summary>A JSON response.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="utf8Json">The UTF-8 JSON document.</param>
    /// <returns>The response.</returns>
    public static HttpResponse Json(int statusCode, ReadOnlyMemory<byte> utf8Json) => new(statusCode, JsonContentType, utf8Json);

    /// <summary>A plain text response.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="text">The text, sent as UTF-8.</param>
    /// <param name="contentType">The content type, e.g. Prometheus' "text/plain; version=0.0.4; charset=utf-8".</param>
    /// <returns>The response.</returns>
    public static HttpResponse Text(int statusCode, string text, string contentType = TextContentType) =>
        new(statusCode, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The API's one error shape: <c>{"error": "…", "hint": "…"}</c> and a newline — one line a CLI can print as is.
    /// </summary>
    /// <param name="statusCode">A 4xx or 5xx status.</param>
    /// <param name="error">What went wrong, one sentence.</param>
    /// <param name="hint">What to do about it; omitted when null.</param>
    /// <returns>The response.</returns>
    public static HttpResponse Error(int statusCode, string error, string? hint = null) =>
        Json(statusCode, ErrorBody(error, hint));

    /// <summary>The bytes of an error body (see <see cref="Error"/>).</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="hint">What to do about it, or null.</param>
    /// <returns>UTF-8 JSON followed by a newline.</returns>
    public static byte[] ErrorBody(string error, string? hint)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + error.Length + (hint?.Length ?? 0));
        // Relaxed escaping: the body is never embedded in HTML, and "group 'wgagent'" should not read \u0027wgagent\u0027.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("error", error);
            if (hint is not null)
            {
                json.WriteString("hint", hint);
            }

            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
