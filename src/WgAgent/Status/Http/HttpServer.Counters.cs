namespace WgAgent.Status.Http;

public sealed partial class HttpServer
{
    private long connectionsAccepted;
    private long connectionsRefused;
    private long connectionsEvicted;
    private long connectionsActive;
    private long requestsServed;
    private long requestsForbidden;
    private long requestErrors;
    private long handlerErrors;

    internal void CountServed() => Interlocked.Increment(ref requestsServed);

    internal void CountForbidden() => Interlocked.Increment(ref requestsForbidden);

    internal void CountRequestError() => Interlocked.Increment(ref requestErrors);

    internal void CountHandlerError() => Interlocked.Increment(ref handlerErrors);
}
