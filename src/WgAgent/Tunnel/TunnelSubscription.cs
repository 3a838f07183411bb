using System.Threading.Channels;

namespace WgAgent.Tunnel;

/// <summary>One consumer's stream of updates from a <see cref="TunnelWatcher"/>; dispose to stop receiving.</summary>
public sealed class TunnelSubscription : IDisposable
{
    private readonly Channel<TunnelUpdate> channel;
    private readonly Action<TunnelSubscription> unsubscribe;

    internal TunnelSubscription(int capacity, Action<TunnelSubscription> unsubscribe)
    {
        // Dropping the oldest keeps the watcher from ever waiting on a slow consumer; the newest update is the truth.
        channel = Channel.CreateBounded<TunnelUpdate>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        this.unsubscribe = unsubscribe;
    }

    /// <summary>The updates, in order. Completes when the watcher stops (with its error when it failed).</summary>
    public ChannelReader<TunnelUpdate> Updates => channel.Reader;

    /// <inheritdoc/>
    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }

    internal void Publish(TunnelUpdate update) => channel.Writer.TryWrite(update);

    internal void Complete(Exception? error) => channel.Writer.TryComplete(error);
}
