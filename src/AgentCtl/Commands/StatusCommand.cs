using System.CommandLine;
using AgentCtl.Client;
using WgAgent.Core.Status;

namespace AgentCtl.Commands;

/// <summary>
/// <c>agentctl status [--json] [--socket PATH]</c>: is this host protected right now? The daemon's GET /v1/status, as a
/// dense human view (colors on a terminal) or the JSON itself. Exit 0 ok, 1 degraded (or starting), 2 error or the
/// daemon unreachable.
/// </summary>
internal static class StatusCommand
{
    public static Command Build()
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var command = new Command("status", "Show whether this host is protected: tunnel, peers, kill switch, exporters, problems. Exit 0 ok, 1 degraded, 2 error or unreachable.")
        {
            json,
            socket,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(socket)!, parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string socketPath, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var color = AgentOptions.UseColor(output);
        AgentResponse response;
        using (var client = new AgentClient(socketPath, AgentOptions.RequestTimeout))
        {
            try
            {
                response = await client.GetAsync("/v1/status", cancellationToken).ConfigureAwait(false);
            }
            catch (AgentUnreachableException e)
            {
                await error.WriteAsync(StatusTextView.RenderUnreachable(e.SocketPath, e.Reason, color && ReferenceEquals(error, Console.Error), e.Hint))
                    .ConfigureAwait(false);
                return StatusExitCodes.UnreachableOrError;
            }
        }

        if (!response.IsSuccess)
        {
            await error.WriteLineAsync(ApiError.Describe("status", response.StatusCode, response.Body)).ConfigureAwait(false);
            return StatusExitCodes.UnreachableOrError;
        }

        if (!StatusJson.TryDeserialize(response.Body, out var document, out var problem))
        {
            await error.WriteLineAsync($"agentctl: status: the daemon's answer is not a status document ({problem})").ConfigureAwait(false);
            return StatusExitCodes.UnreachableOrError;
        }

        await output.WriteAsync(json ? response.Body.TrimEnd() + "\n" : StatusTextView.Render(document, color, DateTimeOffset.UtcNow)).ConfigureAwait(false);
        return StatusExitCodes.For(document.State);
    }
}
