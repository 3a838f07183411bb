namespace AgentCtl.Client;

/// <summary>The daemon's socket could not be reached (absent, refused, no permission, timed out).</summary>
public sealed class AgentUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="socketPath">The socket tried.</param>
    /// <param name="reason">Why, in a few words.</param>
    /// <param name="hint">What to do about it.</param>
    /// <param name="inner">The underlying error.</param>
    public AgentUnreachableException(string socketPath, string reason, string hint, Exception? inner = null)
        : base($"cannot reach wgagent at {socketPath}: {reason}", inner)
    {
        SocketPath = socketPath;
        Reason = reason;
        Hint = hint;
    }

    /// <summary>The socket tried.</summary>
    public string SocketPath { get; }

    /// <summary>Why it failed.</summary>
    public string Reason { get; }

    /// <summary>What to do.</summary>
    public string Hint { get; }
}
