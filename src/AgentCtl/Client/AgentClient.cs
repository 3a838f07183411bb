using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace AgentCtl.Client;

/// <summary>
/// Talks to the daemon's API: one HTTP/1.1 request over the Unix socket per call (what <c>curl --unix-socket</c> does),
/// with <c>Connection: close</c>. Blocking calls on the calling thread: a CLI makes one request and exits, and HttpClient's
/// machinery (the thread pool, the socket engine's epoll thread, timers, connection pooling) cost agentctl more than
/// the whole request (bench/status.sh, BENCHMARKS.md "Status API and agentctl").
/// </summary>
public sealed class AgentClient
{
    private const int MaxAttempts = 3;
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Creates a client for <paramref name="socketPath"/>.</summary>
    /// <param name="socketPath">E.g. /run/wgagent/agent.sock.</param>
    /// <param name="timeout">For the whole call, connect, retries and the answer included.</param>
    public AgentClient(string socketPath, TimeSpan timeout)
    {
        SocketPath = socketPath;
        Timeout = timeout;
    }

    /// <summary>The socket used.</summary>
    public string SocketPath { get; }

    /// <summary>The limit of one call.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>GET <paramref name="path"/>.</summary>
    /// <param name="path">E.g. /v1/status.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="AgentUnreachableException">The socket could not be reached, or did not answer HTTP in time.</exception>
    public AgentResponse Get(string path) => Send("GET", path);

    /// <summary>POST <paramref name="path"/> with an empty body.</summary>
    /// <param name="path">E.g. /v1/reload.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="AgentUnreachableException">The socket could not be reached, or did not answer HTTP in time.</exception>
    public AgentResponse Post(string path) => Send("POST", path);

    private AgentResponse Send(string method, string path)
    {
        var started = Stopwatch.GetTimestamp();
        // Busy (the daemon's connection cap answers 503): a few short, bounded retries, then report what it said. A full
        // listen queue needs none: a blocking connect waits for room (up to the send timeout, unix(7)).
        for (var attempt = 1; ; attempt++)
        {
            var response = SendOnce(method, path, started);
            var delay = RetryDelay * attempt;
            if (response.StatusCode != 503 || attempt == MaxAttempts || Stopwatch.GetElapsedTime(started) + delay >= Timeout)
            {
                return response;
            }

            Thread.Sleep(delay);
        }
    }

    private AgentResponse SendOnce(string method, string path, long started)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.SendTimeout = Remaining(started);
            socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
            var request = Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (method == "POST" ? "Content-Length: 0\r\n\r\n" : "\r\n"));
            for (var sent = 0; sent < request.Length;)
            {
                sent += socket.Send(request.AsSpan(sent));
            }

            return Receive(socket, started);
        }
        catch (SocketException e)
        {
            throw Unreachable(e);
        }
    }

    private AgentResponse Receive(Socket socket, long started)
    {
        var buffer = new byte[16 * 1024];
        var count = 0;
        ResponseHead? head = null;
        while (head?.ContentLength is not { } length || count < head.Length + length)
        {
            if (count == buffer.Length)
            {
                if (buffer.Length >= MaxBodyBytes)
                {
                    throw NotHttp($"the answer is longer than {MaxBodyBytes} bytes");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            socket.ReceiveTimeout = Remaining(started);
            var received = socket.Receive(buffer.AsSpan(count));
            if (received == 0)
            {
                break;
            }

            count += received;
            if (head is null && !ResponseHead.TryParse(buffer.AsSpan(0, count), out head, out var error) && error is not null)
            {
                throw NotHttp(error);
            }
        }

        if (head is null)
        {
            throw NotHttp(count == 0 ? "the daemon closed the connection without an answer" : "the daemon closed the connection in the middle of the answer's head");
        }

        var bodyLength = count - head.Length;
        if (head.ContentLength is { } expected && bodyLength < expected)
        {
            throw NotHttp($"the daemon closed the connection after {bodyLength} of {expected} bytes of the answer");
        }

        return new AgentResponse(head.StatusCode, Encoding.UTF8.GetString(buffer, head.Length, (int)(head.ContentLength ?? bodyLength)));
    }

    // Milliseconds left for the next blocking call (SO_SNDTIMEO / SO_RCVTIMEO; 0 would mean none, so at least 1).
    private int Remaining(long started)
    {
        var left = Timeout - Stopwatch.GetElapsedTime(started);
        return left <= TimeSpan.Zero ? throw TimedOut(null) : Math.Max(1, (int)Math.Ceiling(left.TotalMilliseconds));
    }

    private AgentUnreachableException NotHttp(string reason) =>
        new(SocketPath, $"the answer is not HTTP/1.1: {reason}", "`systemctl status wgagent`");

    private AgentUnreachableException TimedOut(Exception? inner) =>
        new(SocketPath, $"no answer within {Timeout.TotalSeconds:0.###} s", "the daemon may be hung: `systemctl status wgagent`, `journalctl -u wgagent`", inner);

    private AgentUnreachableException Unreachable(SocketException e) => e.SocketErrorCode switch
    {
        // ENOENT comes back as AddressNotAvailable.
        SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported =>
            new AgentUnreachableException(SocketPath, "no such socket", "is wgagent running? `systemctl status wgagent`", e),
        SocketError.ConnectionRefused =>
            new AgentUnreachableException(SocketPath, "connection refused (nothing listens on it)", "`systemctl status wgagent`; `systemctl restart wgagent`", e),
        SocketError.AccessDenied =>
            new AgentUnreachableException(SocketPath, "permission denied", "run as root or as a member of group wgagent (`sudo usermod -aG wgagent $USER`, then log in again)", e),
        // A blocking call that reached its SO_SNDTIMEO / SO_RCVTIMEO: EAGAIN, reported as one of these.
        SocketError.TimedOut or SocketError.WouldBlock or SocketError.TryAgain => TimedOut(e),
        _ => new AgentUnreachableException(SocketPath, e.Message, "`systemctl status wgagent`", e),
    };
}
