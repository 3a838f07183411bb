namespace WgAgent.Status.Http;

/// <summary>Where a connection is; decides which deadline applies and whether it may be closed to make room.</summary>
internal enum ConnectionState
{
    /// <summary>Accepted, no byte yet: the header timeout counts from the accept.</summary>
    New,

    /// <summary>Between requests with nothing buffered: the idle timeout applies; may be evicted or closed by a stop.</summary>
    Idle,

    /// <summary>Part of a request head received: the header timeout counts from its first byte.</summary>
    ReadingHead,

    /// <summary>Reading a body: the body timeout applies.</summary>
    ReadingBody,

    /// <summary>A handler runs: no deadline (a stop that runs out of time cancels it).</summary>
    Handling,

    /// <summary>Writing a response: the send timeout applies.</summary>
    Writing,

    /// <summary>Closed by the server (evicted, stopped); the connection's task is ending.</summary>
    Closed,
}
