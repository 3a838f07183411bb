namespace CliWrap;

/// <summary>The in-memory source behind <see cref="PipeSource.FromBytes(byte[])"/> and friends.</summary>
internal sealed class MemoryPipeSource(ReadOnlyMemory<byte> data) : PipeSource
{
    /// <summary>How many bytes it feeds.</summary>
    public int Length => data.Length;

    public override async Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!data.IsEmpty)
        {
            await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
    }
}
