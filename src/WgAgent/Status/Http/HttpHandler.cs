namespace WgAgent.Status.Http;

/// <summary>Answers one request. Runs on the connection's task; requests of one connection are handled in order.</summary>
/// <param name="request">The request, its body complete.</param>
/// <param name="cancellationToken">Cancelled when the server gives up on the request (a stop that ran out of time).</param>
/// <returns>The response. An exception becomes a 500 with a JSON error and is logged.</returns>
public delegate ValueTask<HttpResponse> HttpHandler(HttpRequest request, CancellationToken cancellationToken);
