using System.CommandLine;
using AgentCtl.Client;
using WgAgent.Core.Status;

namespace AgentCtl.Commands;

/// <summary>
/// <c>agentctl killswitch show [--json] [--socket PATH]</c>: the table in the kernel as the daemon reads it, and whether it
/// matches the one expected. Exit 0 when it matches, 1 when it differs or is missing, 2 unreachable.
/// </summary>
internal static class KillswitchShowCommand
{
    public static Command Build()
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var command = new Command("show", "Show table inet wgagent as it is in the kernel and whether it matches the expected one.")
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
        AgentResponse response;
        using (var client = new AgentClient(socketPath, AgentOptions.RequestTimeout))
        {
            try
            {
                response = await client.GetAsync("/v1/killswitch", cancellationToken).ConfigureAwait(false);
            }
            catch (AgentUnreachableException e)
            {
                await error.WriteLineAsync($"agentctl: {e.Message}\n  hint: {e.Hint}").ConfigureAwait(false);
                return StatusExitCodes.UnreachableOrError;
            }
        }

        if (!response.IsSuccess)
        {
            await error.WriteLineAsync(ApiError.Describe("killswitch show", response.StatusCode, response.Body)).ConfigureAwait(false);
            return StatusExitCodes.UnreachableOrError;
        }

        if (!StatusJson.TryDeserializeKillswitch(response.Body, out var document, out var problem))
        {
            await error.WriteLineAsync($"agentctl: killswitch show: the daemon's answer is not a kill switch document ({problem})").ConfigureAwait(false);
            return StatusExitCodes.UnreachableOrError;
        }

        if (json)
        {
            await output.WriteLineAsync(response.Body.TrimEnd()).ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(document.AppliedRuleset is { } applied ? applied.TrimEnd() + "\n" : "(table inet wgagent is not in the kernel)\n")
                .ConfigureAwait(false);
            var verdict = document.Match
                ? "matches the expected table"
                : $"does NOT match the expected table{(document.FirstDifference is { } d ? $": {d}" : "")}{(document.Error is { } e ? $" ({e})" : "")}";
            await output.WriteLineAsync($"\ntable inet wgagent {verdict} (state {document.State.ToString().ToLowerInvariant()})").ConfigureAwait(false);
        }

        return document.Match ? StatusExitCodes.Ok : StatusExitCodes.Degraded;
    }
}
