using System.CommandLine;
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
        // Synchronous, as every agentctl command: no thread pool, no Ctrl+C handler thread (a CLI that is interrupted just ends).
        command.SetAction(parseResult => Run(parseResult.GetValue(socket)!, parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string socketPath, bool json, TextWriter output, TextWriter error)
    {
        var color = AgentOptions.UseColor(output);
        var answer = AgentCall.Run<StatusDocument>(socketPath, AgentOptions.RequestTimeout, post: false, "/v1/status", "status",
            StatusJson.TryDeserialize, error,
            e => StatusTextView.RenderUnreachable(e.SocketPath, e.Reason, color && ReferenceEquals(error, Console.Error), e.Hint));
        if (answer is not { } ok)
        {
            return StatusExitCodes.UnreachableOrError;
        }

        output.Write(json ? ok.Body.TrimEnd() + "\n" : StatusTextView.Render(ok.Document, color, DateTimeOffset.UtcNow));
        return StatusExitCodes.For(ok.Document.State);
    }
}
