using System.Globalization;
using System.Text;

namespace WgAgent.Status.Http;

/// <summary>Formats response heads (RFC 9112 §4, §6): status line, the handler's fields, Content-Length, Connection, Date.</summary>
internal static class HttpResponseWriter
{
    /// <summary>The interim response sent before reading a body announced with "Expect: 100-continue".</summary>
    public static ReadOnlySpan<byte> Continue => "HTTP/1.1 100 Continue\r\n\r\n"u8;

    /// <summary>An upper bound of the head's length, to size the buffer.</summary>
    /// <param name="response">The response.</param>
    /// <returns>Bytes.</returns>
    public static int MaxHeadLength(HttpResponse response)
    {
        var length = 256 + response.ContentType.Length; // status line, the fixed fields and Date take under 160
        foreach (var header in response.Headers)
        {
            length += header.Name.Length + header.Value.Length + 4;
        }

        return length;
    }

    /// <summary>Writes the head.</summary>
    /// <param name="destination">At least <see cref="MaxHeadLength"/> bytes.</param>
    /// <param name="response">The response.</param>
    /// <param name="keepAlive">Whether the connection stays open after it.</param>
    /// <param name="date">The IMF-fixdate (RFC 9110 §5.6.7) for Date; null to omit it (allowed for 5xx, which the
    /// prebuilt 503 is).</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">A content type or field a handler supplied is not a valid field value.</exception>
    public static int WriteHead(Span<byte> destination, HttpResponse response, bool keepAlive, string? date)
    {
        var writer = new Writer(destination);
        writer.Append("HTTP/1.1 "u8);
        writer.Append(response.StatusCode);
        writer.Append(" "u8);
        writer.Append(ReasonPhrase(response.StatusCode));
        writer.Append("\r\nContent-Type: "u8);
        writer.Append(Checked(response.ContentType, "Content-Type"));
        writer.Append("\r\nContent-Length: "u8);
        writer.Append(response.Body.Length);
        foreach (var header in response.Headers)
        {
            writer.Append("\r\n"u8);
            writer.Append(CheckedName(header.Name));
            writer.Append(": "u8);
            writer.Append(Checked(header.Value, header.Name));
        }

        writer.Append(keepAlive ? "\r\nConnection: keep-alive"u8 : "\r\nConnection: close"u8);
        if (date is not null)
        {
            writer.Append("\r\nDate: "u8);
            writer.Append(date);
        }

        writer.Append("\r\n\r\n"u8);
        return writer.Length;
    }

    /// <summary>The reason phrase for a status code (informational only; RFC 9112 §4).</summary>
    /// <param name="status">The code.</param>
    /// <returns>The phrase, or "" for an unknown code.</returns>
    public static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        417 => "Expectation Failed",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => string.Empty,
    };

    private static string Checked(string value, string field)
    {
        foreach (var c in value)
        {
            if (c is < ' ' and not '\t' or >= '\u007f')
            {
                throw new ArgumentException($"response field {field}: only visible ASCII, space and tab are allowed");
            }
        }

        return value;
    }

    private static string CheckedName(string name)
    {
        if (name.Length == 0 || name.Any(c => c is <= ' ' or >= '\u007f' or ':'))
        {
            throw new ArgumentException($"response field name '{name}' is not a token");
        }

        return name;
    }

    private ref struct Writer(Span<byte> destination)
    {
        private readonly Span<byte> destination = destination;

        public int Length { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(destination[Length..]);
            Length += bytes.Length;
        }

        public void Append(string ascii) => Length += Encoding.ASCII.GetBytes(ascii, destination[Length..]);

        public void Append(int value)
        {
            value.TryFormat(destination[Length..], out var written, default, CultureInfo.InvariantCulture);
            Length += written;
        }
    }
}
