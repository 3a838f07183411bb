namespace WgAgent.Tunnel;

/// <summary>Settings of a <see cref="TunnelWatcher"/>; the defaults suit the daemon.</summary>
public sealed record TunnelWatcherOptions
{
    /// <summary>The network namespace to watch (e.g. <c>/run/netns/NAME</c>); null for the process's own, which is
    /// what the daemon uses.</summary>
    public string? NetworkNamespacePath { get; init; }

    /// <summary>SO_RCVBUF asked for (default 1 MiB): room for a burst of notifications before ENOBUFS.</summary>
    public int ReceiveBufferBytes { get; init; } = 1 << 20;

    /// <summary>How long a dump may take before the socket is given up and reopened (default 5 s; a dump of a host's
    /// links takes milliseconds).</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Socket failures in a row (open, send, receive, refused or stalled dumps) after which
    /// <see cref="TunnelWatcher.RunAsync"/> gives up (default 5). A successful synchronisation resets the count.</summary>
    public int MaxConsecutiveFailures { get; init; } = 5;

    /// <summary>The first pause before reopening after a failure (default 200 ms); it doubles each time, up to 5 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many updates a subscriber may leave unread before the oldest are dropped (default 256); the
    /// newest update, and <see cref="TunnelWatcher.Current"/>, always tell the present.</summary>
    public int SubscriberCapacity { get; init; } = 256;
}
