using System.Text;

namespace CliWrap;

/// <summary>What a command reads on stdin. The pipe is closed after the data, so the program sees end of file.</summary>
public abstract class PipeSource
{
    /// <summary>No input: stdin is closed at once.</summary>
    public static PipeSource Null { get; } = new MemoryPipeSource(ReadOnlyMemory<byte>.Empty);

    /// <summary>Copies the data into the process's stdin.</summary>
    /// <param name="destination">The write end of the stdin pipe.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <returns>A task that completes when everything is written.</returns>
    public abstract Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Feeds <paramref name="data"/>.</summary>
    /// <param name="data">The bytes; not copied, so do not change them while the command runs.</param>
    /// <returns>The source.</returns>
    public static PipeSource FromBytes(ReadOnlyMemory<byte> data) => new MemoryPipeSource(data);

    /// <summary>Feeds <paramref name="data"/>.</summary>
    /// <param name="data">The bytes; not copied, so do not change them while the command runs.</param>
    /// <returns>The source.</returns>
    public static PipeSource FromBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new MemoryPipeSource(data);
    }

    /// <summary>Feeds <paramref name="text"/>, encoded as UTF-8 (without a byte order mark) unless told otherwise.</summary>
    /// <param name="text">The text.</param>
    /// <param name="encoding">The encoding; null for UTF-8.</param>
    /// <returns>The source.</returns>
    public static PipeSource FromString(string text, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new MemoryPipeSource((encoding ?? ProcessExecution.DefaultEncoding).GetBytes(text));
    }
}
