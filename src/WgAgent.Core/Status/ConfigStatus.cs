namespace WgAgent.Core.Status;

/// <summary>The agent's config file (<c>config</c>).</summary>
public sealed record ConfigStatus
{
    /// <summary>The path read.</summary>
    public required string Path { get; init; }

    /// <summary>When the config in force was read (UTC); null when none is.</summary>
    public DateTimeOffset? LoadedAt { get; init; }

    /// <summary>The first error of the file on disk, as <c>PATH:LINE:COL: error: key: message</c>; null when it is
    /// in force.</summary>
    public string? Error { get; init; }

    /// <summary>Every diagnostic of the file on disk, formatted the same way; empty when it is in force.</summary>
    public required IReadOnlyList<string> Diagnostics { get; init; }
}
