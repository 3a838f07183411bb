using System.CommandLine;
using System.Text;
using WgAgent.Core;
using WgAgent.Core.Config;
using WgAgent.Core.Diagnostics;

namespace AgentCtl.Commands;

/// <summary>
/// <c>agentctl config check [PATH]</c>: checks wgagent.toml and the wg0.conf it names, prints every problem as
/// <c>PATH:LINE:COL: error: key.path: message</c> (plus a hint line), or the effective policy when there is none.
/// Exit 0 when there is no error (warnings allowed), 1 otherwise.
/// </summary>
internal static class ConfigCheckCommand
{
    public static Command Build()
    {
        var path = new Argument<string>("PATH")
        {
            Description = "The agent config to check.",
            DefaultValueFactory = _ => ProductPaths.ConfigFile,
        };
        var command = new Command("check", "Check wgagent.toml and the WireGuard config it names; print the problems or the effective policy.")
        {
            path,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(path)!, parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string path, TextWriter output)
    {
        var bytes = FileText.TryReadBytes(path, out var error);
        if (bytes is null)
        {
            output.WriteLine(new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, null, $"cannot read the agent config: {error}",
                "pass the path of wgagent.toml, or run as root").Format(includeHint: true));
            return 1;
        }

        var agent = AgentConfigReader.Read(bytes, path);
        var tunnelBytes = FileText.TryReadBytes(agent.WireGuardConfigPath, out var tunnelError);
        var tunnelText = tunnelBytes is null ? null : new UTF8Encoding(false).GetString(tunnelBytes);
        var report = ConfigCheckReport.Evaluate(agent, tunnelText, tunnelError);

        foreach (var diagnostic in report.Diagnostics)
        {
            output.WriteLine(diagnostic.Format(includeHint: true));
        }

        var errors = report.Diagnostics.Count(d => d.IsError);
        var warnings = report.Diagnostics.Count - errors;
        if (report.Summary is { } summary)
        {
            output.WriteLine($"{path}: ok{(warnings > 0 ? $" ({Count(warnings, "warning")})" : "")}; {agent.WireGuardConfigPath}: ok");
            output.WriteLine();
            output.Write(summary);
            return 0;
        }

        output.WriteLine($"{Count(errors, "error")}, {Count(warnings, "warning")}: fix the errors before reloading (a reload with errors keeps the running policy)");
        return 1;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
