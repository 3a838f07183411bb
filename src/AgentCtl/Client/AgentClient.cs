using System.Net.Sockets;
using System.Text;

namespace AgentCtl.Client;

/// <summary>
/// Talks to the daemon's API: HTTP/1.1 over the Unix socket (what <c>curl --unix-socket</c> does). HttpClient with a
/// connect callback that opens the Unix socket instead of TCP, so the protocol stays standard HTTP.
/// </summary>
public sealed class AgentClient : IDisposable
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly HttpClient http;

    /// <summary>Creates a client for <paramref name="socketPath"/>.</summary>
    /// <param name="socketPath">E.g. /run/wgagent/agent.sock.</param>
    /// <param name="timeout">Per request, connect included.</param>
    public AgentClient(string socketPath, TimeSpan timeout)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            UseProxy = false,
        };
        http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = timeout };
    }

    /// <summary>The socket used.</summary>
    public string SocketPath { get; }

    /// <summary>GET <paramref name="path"/>.</summary>
    /// <exception cref="AgentUnreachableException">The socket could not be reached.</exception>
    public Task<AgentResponse> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, cancellationToken);

    /// <summary>POST <paramref name="path"/> with an empty body.</summary>
    /// <exception cref="AgentUnreachableException">The socket could not be reached.</exception>
    public Task<AgentResponse> PostAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<AgentResponse> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        // Busy (the daemon's connection cap answers 503; a full listen queue refuses a connect with EAGAIN): a few short,
        // bounded retries, then report what the daemon said.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await SendOnceAsync(method, path, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != 503 || attempt == MaxAttempts)
                {
                    return response;
                }
            }
            catch (AgentUnreachableException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.TryAgain or SocketError.WouldBlock }
                                                       && attempt < MaxAttempts)
            {
                // Retried below.
            }

            await Task.Delay(RetryDelay * attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AgentResponse> SendOnceAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (method == HttpMethod.Post)
            {
                request.Content = new ByteArrayContent([]);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            return new AgentResponse((int)response.StatusCode, body);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException socket)
        {
            throw Unreachable(socket.SocketErrorCode, socket);
        }
        catch (SocketException e)
        {
            throw Unreachable(e.SocketErrorCode, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AgentUnreachableException(SocketPath, $"no answer within {http.Timeout.TotalSeconds:0} s",
                "the daemon may be hung: `systemctl status wgagent`, `journalctl -u wgagent`", e);
        }
        catch (HttpRequestException e)
        {
            throw new AgentUnreachableException(SocketPath, e.Message, "`systemctl status wgagent`", e);
        }
    }

    private AgentUnreachableException Unreachable(SocketError error, Exception inner) => error switch
    {
        SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported =>
            new AgentUnreachableException(SocketPath, "no such socket", "is wgagent running? `systemctl status wgagent`", inner),
        SocketError.ConnectionRefused =>
            new AgentUnreachableException(SocketPath, "connection refused (nothing listens on it)", "`systemctl status wgagent`; `systemctl restart wgagent`", inner),
        SocketError.AccessDenied =>
            new AgentUnreachableException(SocketPath, "permission denied", "run as root or as a member of group wgagent (`sudo usermod -aG wgagent $USER`, then log in again)", inner),
        _ => new AgentUnreachableException(SocketPath, inner.Message, "`systemctl status wgagent`", inner),
    };
}
