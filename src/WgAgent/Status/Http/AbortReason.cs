namespace WgAgent.Status.Http;

/// <summary>Why the server cut a connection short (the first reason wins).</summary>
internal enum AbortReason
{
    /// <summary>Not aborted.</summary>
    None,

    /// <summary>The head did not arrive in time (408 if part of it did).</summary>
    HeaderTimeout,

    /// <summary>The body did not arrive in time.</summary>
    BodyTimeout,

    /// <summary>No next request within the idle timeout.</summary>
    IdleTimeout,

    /// <summary>The client did not read the response in time.</summary>
    SendTimeout,

    /// <summary>Idle, and closed to make room for a new connection at the cap.</summary>
    Evicted,

    /// <summary>Idle or new when the server stopped.</summary>
    Stopping,

    /// <summary>Still busy when the stop's time ran out.</summary>
    StopTimeout,
}
