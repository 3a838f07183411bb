namespace WgAgent.Status.Http;

/// <summary>
/// The server's bounds and socket settings; immutable, defaulted and validated in one place. The defaults bound one
/// server to about 256 × 16 KiB of request buffers plus 64 KiB per body being read.
/// </summary>
public sealed record HttpServerOptions
{
    /// <summary>The defaults.</summary>
    public static HttpServerOptions Default { get; } = new();

    /// <summary>Most bytes of request line plus header fields (with their CRLFs); beyond: 431 and close. Also the size of
    /// each connection's pooled read buffer.</summary>
    public int MaxRequestHeadBytes { get; init; } = 16 * 1024;

    /// <summary>Largest Content-Length accepted; beyond: 413 and close, without reading the body.</summary>
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>How long a request's head may take to arrive, counted from its first byte (from the accept for a
    /// connection's first request); then 408 and close. Cuts off a client that sends a byte a second.</summary>
    public TimeSpan HeaderTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a body may take to arrive after its head; then the connection is closed.</summary>
    public TimeSpan BodyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a keep-alive connection may wait for its next request before the server closes it.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long writing one response may take (a client that does not read); then the connection is closed.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most connections open at once. At the cap the longest-idle keep-alive connection is closed to make room (clients
    /// must expect that, RFC 9112 §9.5); when none is idle the new connection gets 503 and is closed at once.
    /// </summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>
    /// listen(2) backlog (the kernel caps it at net.core.somaxconn, 4096 by default). It absorbs bursts of connects
    /// faster than the accept loop: a non-blocking connect to a Unix socket whose queue is full fails at once with
    /// EAGAIN instead of waiting (unix(7)), so the queue, not the cap, decides whether a burst gets an answer.
    /// </summary>
    public int ListenBacklog { get; init; } = 1024;

    /// <summary>Unix socket only: the group the socket file is given (e.g. "wgagent"); null keeps the process's group.
    /// Members may GET; see <see cref="AccessPolicy"/>.</summary>
    public string? SocketGroup { get; init; }

    /// <summary>Unix socket only: the socket file's mode, 0660 by default (connect(2) needs write permission).</summary>
    public UnixFileMode SocketMode { get; init; } =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>IP endpoints only: set IP_FREEBIND / IPV6_FREEBIND, so the address may appear after the bind (the
    /// WireGuard address exists only once wg0 is configured).</summary>
    public bool FreeBind { get; init; }

    /// <summary>Create the listening socket in this network namespace (e.g. /run/netns/NAME); null for the process's
    /// own. For tests and the lab.</summary>
    public string? NetworkNamespacePath { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The first bad value.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestHeadBytes, 256, nameof(MaxRequestHeadBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRequestHeadBytes, 1024 * 1024, nameof(MaxRequestHeadBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRequestBodyBytes, nameof(MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRequestBodyBytes, 64 * 1024 * 1024, nameof(MaxRequestBodyBytes));
        Positive(HeaderTimeout, nameof(HeaderTimeout));
        Positive(BodyTimeout, nameof(BodyTimeout));
        Positive(IdleTimeout, nameof(IdleTimeout));
        Positive(SendTimeout, nameof(SendTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxConnections, 65536, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(ListenBacklog, 1, nameof(ListenBacklog));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(name, value, "expected more than zero and at most an hour");
        }
    }
}
