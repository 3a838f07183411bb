namespace WgAgent.Status;

/// <summary>
/// One outcome of a <see cref="RefreshingCache{T}"/> read: the value, or the error the read ended with. A failed read
/// is an outcome like a good one, served for as long, so an error replaces the last good answer instead of hiding
/// behind it.
/// </summary>
/// <typeparam name="T">What the read produces.</typeparam>
public sealed class CachedRead<T>
    where T : class
{
    private CachedRead(T? value, Exception? error, long completedAt)
    {
        Value = value;
        Error = error;
        CompletedAt = completedAt;
    }

    /// <summary>The value; null exactly when <see cref="Error"/> is set.</summary>
    public T? Value { get; }

    /// <summary>Why the read failed; null when it succeeded.</summary>
    public Exception? Error { get; }

    /// <summary>When the read ended (<see cref="TimeProvider.GetTimestamp"/> of the cache's clock); ages count from here.</summary>
    public long CompletedAt { get; }

    /// <summary>A successful read.</summary>
    /// <param name="value">The value.</param>
    /// <param name="completedAt">When it ended.</param>
    /// <returns>The outcome.</returns>
    public static CachedRead<T> Succeeded(T value, long completedAt) => new(value ?? throw new ArgumentNullException(nameof(value)), null, completedAt);

    /// <summary>A failed read.</summary>
    /// <param name="error">Why it failed.</param>
    /// <param name="completedAt">When it ended.</param>
    /// <returns>The outcome.</returns>
    public static CachedRead<T> Failed(Exception error, long completedAt) => new(null, error ?? throw new ArgumentNullException(nameof(error)), completedAt);
}
