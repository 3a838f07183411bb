namespace WgAgent.Firewall;

/// <summary>Settings of an <see cref="NftablesMonitor"/>; the defaults suit the daemon.</summary>
public sealed record NftablesMonitorOptions
{
    /// <summary>The network namespace whose ruleset to watch (e.g. <c>/run/netns/NAME</c>); null for the process's
    /// own, which is what the daemon uses.</summary>
    public string? NetworkNamespacePath { get; init; }

    /// <summary>SO_RCVBUF asked for (default 1 MiB, capped by net.core.rmem_max): room for the notifications of a
    /// large transaction, or of several while the callback runs, before ENOBUFS.</summary>
    public int ReceiveBufferBytes { get; init; } = 1 << 20;

    /// <summary>Socket failures in a row (open or receive) after which <see cref="NftablesMonitor.RunAsync"/> gives
    /// up (default 5). A datagram received resets the count.</summary>
    public int MaxConsecutiveFailures { get; init; } = 5;

    /// <summary>The first pause before reopening after a failure (default 200 ms); it doubles each time, up to 5 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
