using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace WgAgent.Hosting.Systemd;

/// <summary>
/// Sends sd_notify(3) messages as datagrams to the AF_UNIX socket named by $NOTIFY_SOCKET (a path, or an
/// abstract name written "@name"). Disabled, and every <see cref="Notify"/> a no-op, when the variable is
/// unset or unusable. A receiver that is gone or does not read never stops the service: the send is
/// bounded and a failure is logged (once per kind of error), not thrown.
/// </summary>
public sealed class SystemdNotifier : ISystemdNotifier, IDisposable
{
    /// <summary>How long one send may block on a full receive queue before the message is dropped.</summary>
    internal static readonly TimeSpan DefaultSendTimeout = TimeSpan.FromSeconds(5);

    private readonly UnixDomainSocketEndPoint? endpoint;
    private readonly Socket? socket;
    private readonly ILogger? logger;
    private readonly Lock reportLock = new();
    private volatile int lastError; // the SocketError of the last failed send; 0 (Success) after a good one

    /// <summary>A notifier for the NOTIFY_SOCKET this process was started with (see <see cref="SystemdEnvironment.Current"/>).</summary>
    public SystemdNotifier()
        : this(SystemdEnvironment.Current.NotifySocket)
    {
    }

    /// <summary>A notifier for an explicit socket address (NOTIFY_SOCKET syntax); disabled when null.</summary>
    /// <param name="notifySocket">An absolute path or "@abstract-name"; null or empty for none.</param>
    /// <param name="logger">Where send failures and an unusable address are reported; null for nowhere.</param>
    public SystemdNotifier(string? notifySocket, ILogger? logger = null)
        : this(notifySocket, logger, DefaultSendTimeout)
    {
    }

    internal SystemdNotifier(string? notifySocket, ILogger? logger, TimeSpan sendTimeout)
    {
        this.logger = logger;
        SocketAddress = notifySocket;
        if (!NotifySocketAddress.TryParse(notifySocket, out endpoint, out var problem))
        {
            if (problem is not null)
            {
                logger?.LogWarning("sd_notify: {Problem}", problem);
            }

            return;
        }

        // One unconnected socket for the process's lifetime; every message names the address, so a
        // manager that re-creates its socket (daemon-reexec) is still reached. SOCK_CLOEXEC is .NET's
        // default: children never inherit it. The send timeout bounds a blocked send on a full queue
        // (max_dgram_qlen) instead of hanging the caller the way a plain blocking sd_notify would.
        socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)
        {
            SendTimeout = (int)sendTimeout.TotalMilliseconds,
        };
    }

    /// <inheritdoc/>
    public bool IsEnabled => socket is not null;

    /// <summary>The NOTIFY_SOCKET value this notifier was created with (null when none).</summary>
    public string? SocketAddress { get; }

    /// <inheritdoc/>
    public void Notify(ServiceState state)
    {
        if (socket is null)
        {
            return;
        }

        var text = state.ToString();
        if (text.Length == 0)
        {
            throw new ArgumentException("a default ServiceState has no content", nameof(state));
        }

        try
        {
            // Exactly the assignment text, no trailing newline: the manager splits on '\n' (sd_notify(3)).
            socket.SendTo(Encoding.UTF8.GetBytes(text), SocketFlags.None, endpoint!);
            ReportSent();
        }
        catch (SocketException e)
        {
            ReportFailure(text, e);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while the host shuts down: a late STOPPING=1 or WATCHDOG=1 has nowhere to go.
        }
    }

    /// <summary>Closes the socket; later notifications are dropped.</summary>
    public void Dispose() => socket?.Dispose();

    private void ReportSent()
    {
        if (lastError == 0)
        {
            return;
        }

        lock (reportLock)
        {
            if (lastError != 0)
            {
                lastError = 0;
                logger?.LogInformation("sd_notify: {Socket} accepts notifications again", SocketAddress);
            }
        }
    }

    private void ReportFailure(string text, SocketException e)
    {
        lock (reportLock)
        {
            // One warning per kind of failure: the watchdog would otherwise repeat it every few seconds.
            if (lastError == (int)e.SocketErrorCode)
            {
                return;
            }

            lastError = (int)e.SocketErrorCode;
        }

        logger?.LogWarning("sd_notify: sending {State} to {Socket}: {Error}", text.Replace('\n', ' '), SocketAddress, Describe(e));
    }

    // .NET reports a missing socket file (ENOENT) as "Cannot assign requested address"; say what it means.
    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressNotAvailable => "no socket at that address (the manager is gone?)",
        SocketError.ConnectionRefused => "nobody listens on the socket",
        SocketError.WouldBlock or SocketError.TimedOut => "the manager did not take the message within the send timeout",
        _ => e.Message,
    };
}
