using System.CommandLine;
using WgAgent.Core.Status;

namespace AgentCtl.Commands;

/// <summary>
/// <c>agentctl reload [--socket PATH]</c>: root only, the same as <c>systemctl reload wgagent</c> but waits for the outcome:
/// exit 0 when the new config is in force, 1 when it was broken and the previous policy is kept, 2 unreachable or refused.
/// </summary>
internal static class ReloadCommand
{
    public static Command Build()
    {
        var socket = AgentOptions.Socket();
        var command = new Command("reload", "Reload /etc/wgagent.toml and the WireGuard config (root only); a broken config keeps the current policy.")
        {
            socket,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(socket)!, parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string socketPath, TextWriter output, TextWriter error)
    {
        // A reload may wait for systemctl (an exporter's restart): longer than a status read.
        var answer = AgentCall.Run<StatusDocument>(socketPath, TimeSpan.FromSeconds(120), post: true, "/v1/reload", "reload",
            StatusJson.TryDeserialize, error);
        if (answer is not { } ok)
        {
            return StatusExitCodes.UnreachableOrError;
        }

        var document = ok.Document;
        if (document.Config.Error is { } broken)
        {
            error.WriteLine($"agentctl: reload: {broken}; the previous policy is kept\n  hint: `agentctl config check` shows every problem");
            return StatusExitCodes.Degraded;
        }

        output.WriteLine($"agentctl: reload: {document.Config.Path} is in force (loaded {document.Config.LoadedAt:u})");
        return StatusExitCodes.Ok;
    }
}
