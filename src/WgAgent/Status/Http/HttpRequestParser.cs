using System.Text;

namespace WgAgent.Status.Http;

/// <summary>
/// Parses one HTTP/1.1 request head (request line and header fields, RFC 9112 §2–§5) from the bytes buffered so far.
/// Pure and allocation-light; strict where leniency would only hide client bugs: lines end in CRLF, no whitespace
/// before a field's colon, no obs-fold, no control characters, one Content-Length value. Transfer-Encoding is refused
/// with 501 (this API's requests are small and have a Content-Length); Host is not required (on a Unix socket it
/// carries no meaning, and refusing a request without it would only break simple clients).
/// </summary>
internal static class HttpRequestParser
{
    // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line; a bounded number here.
    private const int MaxLeadingEmptyLines = 4;

    /// <summary>Parses the head at the start of <paramref name="data"/>.</summary>
    /// <param name="data">The unparsed bytes, starting at a request boundary.</param>
    /// <param name="maxHeadBytes">The most the request line and fields (and their CRLFs) may take.</param>
    /// <returns>Incomplete, the head and its length, or an error status and message.</returns>
    public static HttpParseResult Parse(ReadOnlySpan<byte> data, int maxHeadBytes)
    {
        var offset = 0;
        for (var i = 0; i < MaxLeadingEmptyLines && data[offset..].StartsWith("\r\n"u8); i++)
        {
            offset += 2;
        }

        var rest = data[offset..];
        var end = rest.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            // Fail fast on what is visible already (a TLS hello, binary noise) instead of waiting for the timeout.
            if (!IsPlausibleStart(rest))
            {
                return HttpParseResult.Error(400, "malformed request line");
            }

            return data.Length >= maxHeadBytes
                ? HttpParseResult.Error(431, $"the request line and header fields exceed {maxHeadBytes} bytes")
                : HttpParseResult.Incomplete;
        }

        var consumed = offset + end + 4;
        if (consumed > maxHeadBytes)
        {
            return HttpParseResult.Error(431, $"the request line and header fields exceed {maxHeadBytes} bytes");
        }

        var head = rest[..(end + 2)]; // every line, each with its CRLF
        var lineEnd = head.IndexOf("\r\n"u8);
        var error = ParseRequestLine(head[..lineEnd], out var method, out var path, out var query, out var minor);
        if (error is not null)
        {
            return error.Value;
        }

        return ParseFields(head[(lineEnd + 2)..], method!, path!, query!, minor, consumed);
    }

    private static HttpParseResult ParseFields(ReadOnlySpan<byte> fields, string method, string path, string query, int minor, int consumed)
    {
        var headers = new List<HttpHeader>();
        long contentLength = -1;
        var close = false;
        var expectContinue = false;
        var lineNumber = 1;
        while (fields.Length > 0)
        {
            lineNumber++;
            var lineEnd = fields.IndexOf("\r\n"u8);
            var line = fields[..lineEnd];
            fields = fields[(lineEnd + 2)..];
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                return HttpParseResult.Error(400, $"line {lineNumber}: folded header field (obs-fold) is not accepted");
            }

            var colon = line.IndexOf((byte)':');
            var nameLength = HttpSyntax.TokenLength(line);
            if (colon <= 0 || nameLength != colon)
            {
                return HttpParseResult.Error(400, $"line {lineNumber}: malformed header field name");
            }

            var value = Trim(line[(colon + 1)..]);
            if (!HttpSyntax.IsFieldValue(value))
            {
                return HttpParseResult.Error(400, $"line {lineNumber}: control character in header field value");
            }

            var name = Encoding.ASCII.GetString(line[..colon]);
            var text = Encoding.Latin1.GetString(value);
            headers.Add(new HttpHeader(name, text));

            if (Is(name, "Content-Length"))
            {
                if (!TryParseLength(value, out var length) || (contentLength >= 0 && contentLength != length))
                {
                    return HttpParseResult.Error(400, $"line {lineNumber}: invalid Content-Length");
                }

                contentLength = length;
            }
            else if (Is(name, "Transfer-Encoding"))
            {
                return HttpParseResult.Error(501, "Transfer-Encoding is not supported; send the body with Content-Length");
            }
            else if (Is(name, "Connection"))
            {
                close |= HasToken(text, "close");
            }
            else if (Is(name, "Expect") && minor == 1)
            {
                if (!Is(text, "100-continue"))
                {
                    return HttpParseResult.Error(417, $"unsupported expectation: {text}");
                }

                expectContinue = true;
            }
        }

        var head = new HttpRequestHead(method, path, query, minor, headers, Math.Max(contentLength, 0), minor == 1 && !close,
            expectContinue);
        return HttpParseResult.Complete(head, consumed);
    }

    // request-line = method SP request-target SP HTTP-version (RFC 9112 §3), single spaces.
    private static HttpParseResult? ParseRequestLine(ReadOnlySpan<byte> line, out string? method, out string? path, out string? query,
        out int minor)
    {
        method = path = query = null;
        minor = 0;
        var methodLength = HttpSyntax.TokenLength(line);
        if (methodLength == 0 || methodLength >= line.Length || line[methodLength] != (byte)' ')
        {
            return HttpParseResult.Error(400, "malformed request line");
        }

        var afterMethod = line[(methodLength + 1)..];
        var space = afterMethod.IndexOf((byte)' ');
        if (space <= 0)
        {
            return HttpParseResult.Error(400, "malformed request line");
        }

        var target = afterMethod[..space];
        var version = afterMethod[(space + 1)..];
        if (version.Length != 8 || !version.StartsWith("HTTP/"u8) || !HttpSyntax.IsDigit(version[5]) || version[6] != (byte)'.' || !HttpSyntax.IsDigit(version[7]))
        {
            return HttpParseResult.Error(400, "malformed request line");
        }

        if (version[5] != (byte)'1' || version[7] > (byte)'1')
        {
            return HttpParseResult.Error(505, $"{Encoding.ASCII.GetString(version)} is not supported; use HTTP/1.1");
        }

        minor = version[7] - '0';
        foreach (var b in target)
        {
            // request-target: visible ASCII only (RFC 9112 §3.2; a fragment is never sent).
            if (b is <= 0x20 or >= 0x7f or (byte)'#')
            {
                return HttpParseResult.Error(400, "malformed request target");
            }
        }

        // Absolute-form (RFC 9112 §3.2.2, which a server MUST accept): http://host[:port]/path → /path.
        if (target.Length >= 7 && Ascii.EqualsIgnoreCase(target[..7], "http://"u8))
        {
            var slash = target[7..].IndexOf((byte)'/');
            target = slash < 0 ? "/"u8 : target[(7 + slash)..];
        }

        if (target[0] != (byte)'/')
        {
            return HttpParseResult.Error(400, "request target must be a path such as /v1/status");
        }

        var question = target.IndexOf((byte)'?');
        path = Encoding.ASCII.GetString(question < 0 ? target : target[..question]);
        query = question < 0 ? string.Empty : Encoding.ASCII.GetString(target[(question + 1)..]);
        method = MethodString(line[..methodLength]);
        return null;
    }

    // Before the head is complete: could these bytes begin a request line? A method token, then SP or nothing yet;
    // or a lone CR that may start one more empty line.
    private static bool IsPlausibleStart(ReadOnlySpan<byte> rest)
    {
        if (rest.Length == 1 && rest[0] == (byte)'\r')
        {
            return true;
        }

        var token = HttpSyntax.TokenLength(rest);
        return token == rest.Length || (token > 0 && rest[token] == (byte)' ');
    }

    private static string MethodString(ReadOnlySpan<byte> method) =>
        method.SequenceEqual("GET"u8) ? "GET"
        : method.SequenceEqual("POST"u8) ? "POST"
        : method.SequenceEqual("HEAD"u8) ? "HEAD"
        : Encoding.ASCII.GetString(method);

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);

    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (!HttpSyntax.IsDigit(b))
            {
                return false;
            }

            length = (length * 10) + (b - '0');
        }

        return true;
    }

    private static bool HasToken(string list, string token)
    {
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Is(part, token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
