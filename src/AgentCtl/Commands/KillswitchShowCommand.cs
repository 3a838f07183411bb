using System.CommandLine;
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
        command.SetAction(parseResult => Run(parseResult.GetValue(socket)!, parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string socketPath, bool json, TextWriter output, TextWriter error)
    {
        var answer = AgentCall.Run<KillswitchDocument>(socketPath, AgentOptions.RequestTimeout, post: false, "/v1/killswitch",
            "killswitch show", StatusJson.TryDeserializeKillswitch, error);
        if (answer is not { } ok)
        {
            return StatusExitCodes.UnreachableOrError;
        }

        var document = ok.Document;
        if (json)
        {
            output.WriteLine(ok.Body.TrimEnd());
        }
        else
        {
            output.Write(document.AppliedRuleset is { } applied ? applied.TrimEnd() + "\n" : "(table inet wgagent is not in the kernel)\n");
            var verdict = document.Match
                ? "matches the expected table"
                : $"does NOT match the expected table{(document.FirstDifference is { } d ? $": {d}" : "")}{(document.Error is { } e ? $" ({e})" : "")}";
            output.WriteLine($"\ntable inet wgagent {verdict} (state {document.State.ToString().ToLowerInvariant()})");
        }

        return document.Match ? StatusExitCodes.Ok : StatusExitCodes.Degraded;
    }
}
