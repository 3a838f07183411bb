using System.Net;

namespace WgAgent.Status.Http;

/// <summary>A parsed request as a handler sees it. Paths are matched exactly as sent: no percent-decoding.</summary>
public sealed class HttpRequest
{
    /// <summary>Creates a request (the server does; tests of handlers may).</summary>
    /// <param name="method">The method, e.g. "GET".</param>
    /// <param name="path">The path, e.g. "/v1/status".</param>
    /// <param name="query">The query without the '?', or "".</param>
    /// <param name="headers">The header fields in the order received.</param>
    /// <param name="body">The body (empty without Content-Length).</param>
    /// <param name="peer">The caller's credentials on a Unix socket; null on an IP endpoint.</param>
    /// <param name="remoteEndPoint">The caller's address on an IP endpoint; null on a Unix socket.</param>
    public HttpRequest(string method, string path, string query, IReadOnlyList<HttpHeader> headers, ReadOnlyMemory<byte> body,
        PeerCredentials? peer, EndPoint? remoteEndPoint)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        Peer = peer;
        RemoteEndPoint = remoteEndPoint;
    }

    /// <summary>The method, e.g. "GET".</summary>
    public string Method { get; }

    /// <summary>The path of the request target, e.g. "/v1/status".</summary>
    public string Path { get; }

    /// <summary>The raw query string without the '?'; "" when there is none.</summary>
    public string Query { get; }

    /// <summary>The header fields in the order received.</summary>
    public IReadOnlyList<HttpHeader> Headers { get; }

    /// <summary>The body; owned by the request, so a handler may keep it.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Who called, from SO_PEERCRED, on a Unix socket; null on an IP endpoint.</summary>
    public PeerCredentials? Peer { get; }

    /// <summary>The caller's address on an IP endpoint; null on a Unix socket.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>The value of the first header named <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? GetHeader(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Query.Length == 0 ? $"{Method} {Path}" : $"{Method} {Path}?{Query}";
}
