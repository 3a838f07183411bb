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
    public static async Task<(T Document, string Body)?> RunAsync<T>(string socketPath, TimeSpan timeout, bool post, string path, string what,
        Parser<T> parse, TextWriter error, CancellationToken cancellationToken, Func<AgentUnreachableException, string>? describeUnreachable = null)
        where T : class
    {
        AgentResponse response;
        using (var client = new AgentClient(socketPath, timeout))
        {
            try
            {
                response = post
                    ? await client.PostAsync(path, cancellationToken).ConfigureAwait(false)
                    : await client.GetAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (AgentUnreachableException e)
            {
                await error.WriteAsync(describeUnreachable?.Invoke(e) ?? $"agentctl: {e.Message}\n  hint: {e.Hint}\n").ConfigureAwait(false);
                return null;
            }
        }

        if (!response.IsSuccess)
        {
            await error.WriteLineAsync(ApiError.Describe(what, response.StatusCode, response.Body)).ConfigureAwait(false);
            return null;
        }

        if (!parse(response.Body, out var document, out var problem) || document is null)
        {
            await error.WriteLineAsync($"agentctl: {what}: the daemon's answer is not the expected document ({problem})").ConfigureAwait(false);
            return null;
        }

        return (document, response.Body);
    }
}
