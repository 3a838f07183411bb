using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace WgAgent.Status.Http;

/// <summary>
/// A small HTTP/1.1 server for the status API (a Unix socket, <c>/run/wgagent/agent.sock</c>) and the metrics (an IP
/// endpoint on the WireGuard address). One task per connection; requests on a connection are answered in order
/// (pipelining), bodies only with Content-Length, every response with Content-Length. Kestrel would bring ASP.NET Core
/// into a Native AOT daemon that needs four routes; this is the part of it wgagent uses, with its bounds explicit:
/// see <see cref="HttpServerOptions"/>.
/// </summary>
/// <remarks>
/// On a Unix socket every request is checked with <see cref="AccessPolicy.ForUnixSocket"/> against the caller's
/// SO_PEERCRED; on an IP endpoint only reads are accepted (<see cref="AccessPolicy.ForNetwork"/>).
/// Memory: a connection holds a pooled buffer of <see cref="HttpServerOptions.MaxRequestHeadBytes"/> only while a
/// request is arriving, none while idle; bodies are at most <see cref="HttpServerOptions.MaxRequestBodyBytes"/>.
/// </remarks>
public sealed partial class HttpServer : IAsyncDisposable
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopping = 2;

    private readonly EndPoint endPoint;
    private readonly ILogger? logger;
    private readonly Lock gate = new();
    private readonly HashSet<HttpConnection> connections = [];
    private readonly byte[] refusal;
    private Socket? listener;
    private UnixSocketFile? socketFile;
    private Task acceptLoop = Task.CompletedTask;
    private Task? stopTask;
    private int state;
    private string date = string.Empty;
    private long dateSecond = -1;

    /// <summary>Creates a server; nothing is bound until <see cref="StartAsync"/>.</summary>
    /// <param name="endPoint">A <see cref="UnixDomainSocketEndPoint"/> with a path, or an <see cref="IPEndPoint"/>.</param>
    /// <param name="routes">The handlers (copied: later registrations do not count).</param>
    /// <param name="options">Bounds and socket settings; <see cref="HttpServerOptions.Default"/> when null.</param>
    /// <param name="logger">Where handler failures and accept errors are reported; null for nowhere.</param>
    /// <exception cref="ArgumentException">An unsupported endpoint or an option out of range.</exception>
    public HttpServer(EndPoint endPoint, HttpRoutes routes, HttpServerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (endPoint is not (UnixDomainSocketEndPoint or IPEndPoint))
        {
            throw new ArgumentException($"{endPoint}: expected a Unix socket path or an IP endpoint", nameof(endPoint));
        }

        Options = options ?? HttpServerOptions.Default;
        Options.Validate();
        this.endPoint = endPoint;
        this.logger = logger;
        Routes = routes.Freeze();
        IsUnixSocket = endPoint is UnixDomainSocketEndPoint;
        var tooMany = HttpResponse.ErrorBody($"too many connections (at most {Options.MaxConnections})", "retry in a moment");
        refusal = Serialize(new HttpResponse(503, HttpResponse.JsonContentType, tooMany) { Headers = [new("Retry-After", "1")] },
            keepAlive: false, date: null);
    }

    /// <summary>The options in force.</summary>
    public HttpServerOptions Options { get; }

    /// <summary>The bound address once started (with the real port when port 0 was asked for).</summary>
    public EndPoint LocalEndPoint => listener?.LocalEndPoint ?? endPoint;

    /// <summary>The counters now.</summary>
    public HttpServerCounters Counters => new(
        Interlocked.Read(ref connectionsAccepted),
        Interlocked.Read(ref connectionsRefused),
        Interlocked.Read(ref connectionsEvicted),
        Volatile.Read(ref connectionsActive),
        Interlocked.Read(ref requestsServed),
        Interlocked.Read(ref requestsForbidden),
        Interlocked.Read(ref requestErrors),
        Interlocked.Read(ref handlerErrors));

    internal RouteTable Routes { get; }

    internal bool IsUnixSocket { get; }

    internal bool IsStopping => Volatile.Read(ref state) >= Stopping;

    internal ILogger? Logger => logger;

    /// <summary>The Date value, formatted at most once a second.</summary>
    internal string Date
    {
        get
        {
            var now = DateTime.UtcNow;
            var second = now.Ticks / TimeSpan.TicksPerSecond;
            if (second != Volatile.Read(ref dateSecond))
            {
                // A race between two writers only writes the same text twice.
                date = now.ToString("r", CultureInfo.InvariantCulture);
                Volatile.Write(ref dateSecond, second);
            }

            return date;
        }
    }

    /// <summary>
    /// Binds and listens, then accepts in the background. For a Unix socket: a stale socket file is removed first,
    /// then the new one gets <see cref="HttpServerOptions.SocketGroup"/> and <see cref="HttpServerOptions.SocketMode"/>
    /// before the first connection can be accepted.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for a namespace thread.</param>
    /// <returns>A task that completes when the server accepts connections.</returns>
    /// <exception cref="IOException">The socket could not be set up; the message names the path or address and the
    /// cause (a missing group, a file in the way, an address not available without FreeBind).</exception>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref state, Running, NotStarted) != NotStarted)
        {
            throw new InvalidOperationException("the server was started or stopped before: create a new one");
        }

        try
        {
            (listener, socketFile) = Options.NetworkNamespacePath is { } path
                ? await ListenInNamespaceAsync(path, cancellationToken).ConfigureAwait(false)
                : Listen();
        }
        catch
        {
            // A server that failed to start is done: StopAsync and DisposeAsync become no-ops.
            lock (gate)
            {
                state = Stopping;
                stopTask = Task.CompletedTask;
            }

            throw;
        }

        lock (gate)
        {
            heartbeat = new Timer(static s => ((HttpServer)s!).OnHeartbeat(), this, Timeout.Infinite, Timeout.Infinite);
        }

        acceptLoop = AcceptLoopAsync(listener);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => new(StopAsync(TimeSpan.Zero));

    /// <summary>Answers whether a request may proceed (the policy for this server's kind of endpoint).</summary>
    internal AccessDecision Decide(HttpRequestHead head, PeerCredentials? peer) =>
        socketFile is { } file
            ? AccessPolicy.ForUnixSocket(head.Method, head.Path, peer, file.GroupId, file.GroupName)
            : AccessPolicy.ForNetwork(head.Method, head.Path);

    /// <summary>A response as bytes (head and body), for the prebuilt 503 and the 408.</summary>
    internal static byte[] Serialize(HttpResponse response, bool keepAlive, string? date)
    {
        var buffer = new byte[HttpResponseWriter.MaxHeadLength(response) + response.Body.Length];
        var length = HttpResponseWriter.WriteHead(buffer, response, keepAlive, date);
        response.Body.Span.CopyTo(buffer.AsSpan(length));
        return buffer[..(length + response.Body.Length)];
    }
}
