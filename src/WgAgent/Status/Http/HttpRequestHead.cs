namespace WgAgent.Status.Http;

/// <summary>The request line and header fields of one request, checked and interpreted (RFC 9112).</summary>
/// <param name="Method">The method token.</param>
/// <param name="Path">The path of the target (origin-form, or the path of an absolute-form target).</param>
/// <param name="Query">The query without '?', or "".</param>
/// <param name="MinorVersion">1 for HTTP/1.1, 0 for HTTP/1.0.</param>
/// <param name="Headers">The fields in order.</param>
/// <param name="ContentLength">The body length; 0 without Content-Length (RFC 9112 §6.3: a request without
/// Content-Length or Transfer-Encoding has no body).</param>
/// <param name="KeepAlive">Whether the connection may carry another request: HTTP/1.1 without "Connection: close".
/// HTTP/1.0 always closes, even with "Connection: keep-alive".</param>
/// <param name="ExpectContinue">"Expect: 100-continue" on an HTTP/1.1 request.</param>
internal sealed record HttpRequestHead(
    string Method,
    string Path,
    string Query,
    int MinorVersion,
    IReadOnlyList<HttpHeader> Headers,
    long ContentLength,
    bool KeepAlive,
    bool ExpectContinue);
