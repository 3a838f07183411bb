using AgentCtl.Client;
using WgAgent.Core.Status;

namespace AgentCtl.Commands;

/// <summary>
/// One request to the daemon as every command makes it: unreachable and refused answers become one error line with a
/// hint (exit 2), a good answer is parsed into its document.
/// </summary>
internal static class AgentCall
{
    /// <summary>The parser of a 2xx body: the document, or why the body is not one.</summary>
    public delegate bool Parser<T>(string body, out T? document, out string? problem);

    /// <summary>
    /// Sends the request; on failure writes the error and returns null (the caller exits with
    /// <see cref="StatusExitCodes.UnreachableOrError"/>).
    /// </summary>
    public static (T Document, string Body)? Run<T>(string socketPath, TimeSpan timeout, bool post, string path, string what, Parser<T> parse,
        TextWriter error, Func<AgentUnreachableException, string>? describeUnreachable = null)
        where T : class
    {
        AgentResponse response;
        var client = new AgentClient(socketPath, timeout);
        try
        {
            response = post ? client.Post(path) : client.Get(path);
        }
        catch (AgentUnreachableException e)
        {
            error.Write(describeUnreachable?.Invoke(e) ?? $"agentctl: {e.Message}\n  hint: {e.Hint}\n");
            return null;
        }

        if (!response.IsSuccess)
        {
            error.WriteLine(ApiError.Describe(what, response.StatusCode, response.Body));
            return null;
        }

        if (!parse(response.Body, out var document, out var problem) || document is null)
        {
            error.WriteLine($"agentctl: {what}: the daemon's answer is not the expected document ({problem})");
            return null;
        }

        return (document, response.Body);
    }
}
