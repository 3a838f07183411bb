using System.Collections.Frozen;

namespace WgAgent.Status.Http;

/// <summary>The frozen routes a running server looks requests up in; pure.</summary>
internal sealed class RouteTable
{
    private readonly FrozenDictionary<string, Entry> byPath;

    public RouteTable(Dictionary<string, Dictionary<string, HttpHandler>> routes)
    {
        byPath = routes.ToFrozenDictionary(
            r => r.Key,
            r => new Entry(r.Value.ToFrozenDictionary(StringComparer.Ordinal), string.Join(", ", r.Value.Keys.Order(StringComparer.Ordinal))),
            StringComparer.Ordinal);
        Paths = string.Join(", ", byPath.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The registered paths, sorted and comma-separated (for the 404 hint).</summary>
    public string Paths { get; }

    /// <summary>Finds the handler for a request.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The path.</param>
    /// <returns>The match.</returns>
    public RouteMatch Resolve(string method, string path)
    {
        if (!byPath.TryGetValue(path, out var entry))
        {
            return new RouteMatch(RouteOutcome.NotFound, null, null);
        }

        return entry.Methods.TryGetValue(method, out var handler)
            ? new RouteMatch(RouteOutcome.Found, handler, null)
            : new RouteMatch(RouteOutcome.MethodNotAllowed, null, entry.Allow);
    }

    private sealed record Entry(FrozenDictionary<string, HttpHandler> Methods, string Allow);
}
