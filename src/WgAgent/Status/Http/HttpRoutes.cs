namespace WgAgent.Status.Http;

/// <summary>
/// The handlers by path and method, registered before the server starts (the server takes a frozen copy). Paths are
/// matched exactly: "/v1/status/" and "/v1/%73tatus" are not "/v1/status".
/// </summary>
public sealed class HttpRoutes
{
    private readonly Dictionary<string, Dictionary<string, HttpHandler>> byPath = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="handler"/> for <paramref name="method"/> on <paramref name="path"/>.</summary>
    /// <param name="method">An upper-case method token, e.g. "GET".</param>
    /// <param name="path">An absolute path, e.g. "/v1/status".</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This, for chaining.</returns>
    /// <exception cref="ArgumentException">A malformed method or path, or the pair is already registered.</exception>
    public HttpRoutes Map(string method, string path, HttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (method.Length == 0 || !method.All(c => c is >= 'A' and <= 'Z'))
        {
            throw new ArgumentException($"method {method}: expected an upper-case token such as GET", nameof(method));
        }

        if (!path.StartsWith('/') || path.Any(c => c is <= ' ' or >= '\u007f' or '?' or '#'))
        {
            throw new ArgumentException($"path {path}: expected an absolute path without query", nameof(path));
        }

        if (!byPath.TryGetValue(path, out var methods))
        {
            byPath[path] = methods = new Dictionary<string, HttpHandler>(StringComparer.Ordinal);
        }

        if (!methods.TryAdd(method, handler))
        {
            throw new ArgumentException($"{method} {path} is registered twice", nameof(path));
        }

        return this;
    }

    /// <summary>Registers a GET handler.</summary>
    /// <param name="path">The path.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This, for chaining.</returns>
    public HttpRoutes MapGet(string path, HttpHandler handler) => Map("GET", path, handler);

    /// <summary>Registers a POST handler.</summary>
    /// <param name="path">The path.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This, for chaining.</returns>
    public HttpRoutes MapPost(string path, HttpHandler handler) => Map("POST", path, handler);

    /// <summary>A frozen copy for lookups.</summary>
    internal RouteTable Freeze() => new(byPath);
}
