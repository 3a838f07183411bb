namespace WgAgent.Status.Http;

/// <summary>A snapshot of the server's counters, for the status and the metrics. All but the gauge only grow.</summary>
/// <param name="ConnectionsAccepted">Connections admitted.</param>
/// <param name="ConnectionsRefused">Connections answered 503 at the cap and closed.</param>
/// <param name="ConnectionsEvicted">Idle keep-alive connections closed to make room at the cap.</param>
/// <param name="ConnectionsActive">Connections open now (a gauge).</param>
/// <param name="RequestsServed">Requests answered by a handler (whatever the status it chose).</param>
/// <param name="RequestsForbidden">Requests refused by <see cref="AccessPolicy"/> (403).</param>
/// <param name="RequestErrors">Requests the server refused itself: malformed, too large, too slow, unknown path or
/// method (400, 404, 405, 408, 413, 417, 431, 501, 505).</param>
/// <param name="HandlerErrors">Handlers that threw (500).</param>
public readonly record struct HttpServerCounters(
    long ConnectionsAccepted,
    long ConnectionsRefused,
    long ConnectionsEvicted,
    long ConnectionsActive,
    long RequestsServed,
    long RequestsForbidden,
    long RequestErrors,
    long HandlerErrors);
