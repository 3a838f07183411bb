using Microsoft.Extensions.Logging;

namespace WgAgent.Status.Http;

internal sealed partial class HttpConnection
{
    /// <summary>Reads, checks and answers one request.</summary>
    /// <returns>Whether the connection stays open for another.</returns>
    private async ValueTask<bool> ServeOneAsync(CancellationToken token)
    {
        if (!await ReceiveHeadStartAsync(token).ConfigureAwait(false))
        {
            return false;
        }

        HttpParseResult parsed;
        while ((parsed = HttpRequestParser.Parse(buffer.AsSpan(start, count), options.MaxRequestHeadBytes)).Outcome == HttpParseOutcome.Incomplete)
        {
            if (!await ReceiveMoreAsync(token).ConfigureAwait(false))
            {
                return false;
            }
        }

        if (parsed.Outcome == HttpParseOutcome.Error)
        {
            server.CountRequestError();
            await SendAsync(HttpResponse.Error(parsed.ErrorStatus, $"bad request: {parsed.ErrorMessage}"), keepAlive: false, token)
                .ConfigureAwait(false);
            return false;
        }

        start += parsed.Consumed;
        count -= parsed.Consumed;
        var head = parsed.Head!;
        var (refusal, handler) = Check(head);
        if (refusal is not null)
        {
            // The body is not read. Unless it is buffered whole already (then skipped), the connection closes: its
            // bytes would otherwise be taken for the next request.
            var keepAlive = head.KeepAlive && !server.IsStopping && head.ContentLength <= count;
            if (keepAlive)
            {
                start += (int)head.ContentLength;
                count -= (int)head.ContentLength;
            }

            await SendAsync(refusal, keepAlive, token).ConfigureAwait(false);
            servedAny = true;
            return keepAlive;
        }

        var body = await ReceiveBodyAsync(head, token).ConfigureAwait(false);
        if (body is null)
        {
            return false;
        }

        if (count == 0)
        {
            ReturnBuffer(); // hold no buffer while a handler runs
        }

        Enter(ConnectionState.Handling, null);
        var request = new HttpRequest(head.Method, head.Path, head.Query, head.Headers, body, peer, remote);
        HttpResponse response;
        try
        {
            response = await handler!(request, token).ConfigureAwait(false);
            server.CountServed();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            server.CountHandlerError();
            server.Logger?.LogError(e, "status API: {Request} failed", request);
            response = HttpResponse.Error(500, $"internal error answering {request}: {e.Message}", "see the agent's log: journalctl -u wgagent");
        }

        var again = head.KeepAlive && !server.IsStopping;
        await SendAsync(response, again, token).ConfigureAwait(false);
        servedAny = true;
        return again;
    }

    // The refusals, in order: too large (a transport bound, whatever the path), unknown path, wrong method, not allowed.
    private (HttpResponse? Refusal, HttpHandler? Handler) Check(HttpRequestHead head)
    {
        if (head.ContentLength > options.MaxRequestBodyBytes)
        {
            server.CountRequestError();
            return (HttpResponse.Error(413, $"the request body of {head.ContentLength} bytes exceeds the limit of {options.MaxRequestBodyBytes}"), null);
        }

        var match = server.Routes.Resolve(head.Method, head.Path);
        if (match.Outcome == RouteOutcome.NotFound)
        {
            server.CountRequestError();
            return (HttpResponse.Error(404, $"no such path: {head.Path}", $"this API serves {server.Routes.Paths}"), null);
        }

        if (match.Outcome == RouteOutcome.MethodNotAllowed)
        {
            server.CountRequestError();
            var error = HttpResponse.ErrorBody($"{head.Method} is not allowed on {head.Path}", $"use {match.Allow}");
            return (new HttpResponse(405, HttpResponse.JsonContentType, error) { Headers = [new("Allow", match.Allow!)] }, null);
        }

        var decision = server.Decide(head, peer);
        if (!decision.Allowed)
        {
            server.CountForbidden();
            return (HttpResponse.Error(403, decision.Error!, decision.Hint), null);
        }

        return (null, match.Handler);
    }
}
