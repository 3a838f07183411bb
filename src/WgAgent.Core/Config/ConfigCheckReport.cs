using WgAgent.Core.Diagnostics;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Config;

/// <summary>
/// The verdict of <c>agentctl config check</c> on both files: every diagnostic in file order, and, when there is no
/// error, a one-screen summary of the policy that would be enforced. Pure: the caller reads the files.
/// </summary>
public sealed class ConfigCheckReport
{
    private ConfigCheckReport(IReadOnlyList<Diagnostic> diagnostics, string? summary)
    {
        Diagnostics = diagnostics;
        Summary = summary;
    }

    /// <summary>Every error and warning of both files: the agent config's first, then wg0.conf's.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The effective policy in a few lines; null when there are errors.</summary>
    public string? Summary { get; }

    /// <summary>Builds the report.</summary>
    /// <param name="agent">The result of reading wgagent.toml.</param>
    /// <param name="tunnelText">wg0.conf's text, or null when it could not be read.</param>
    /// <param name="tunnelReadError">Why it could not be read (e.g. "No such file or directory").</param>
    /// <returns>The report.</returns>
    public static ConfigCheckReport Evaluate(AgentConfigReadResult agent, string? tunnelText, string? tunnelReadError)
    {
        var diagnostics = new List<Diagnostic>(agent.Diagnostics);
        WireGuardConfig? tunnel = null;
        if (tunnelText is null)
        {
            diagnostics.Add(new Diagnostic(agent.WireGuardConfigPath, 0, 0, DiagnosticSeverity.Error, null,
                $"cannot read the WireGuard config: {tunnelReadError ?? "unknown error"}",
                "check wireguard.config in the agent config, and run the check as root (the file is root's only)"));
        }
        else
        {
            var read = WireGuardConfigReader.Read(tunnelText, agent.WireGuardConfigPath);
            diagnostics.AddRange(read.Diagnostics);
            tunnel = read.Config;
        }

        if (agent.Config is { } config && tunnel is not null)
        {
            // Cross-check findings about wgagent.toml sort in with its own; those about wg0.conf go after.
            var cross = ConfigCrossCheck.Check(config, agent.SourcePath, tunnel);
            diagnostics.AddRange(cross);
        }

        var ordered = diagnostics
            .OrderBy(d => d.SourcePath == agent.WireGuardConfigPath ? 1 : 0)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();
        var summary = ordered.Any(d => d.IsError) || agent.Config is null || tunnel is null
            ? null
            : PolicySummary.Format(agent.Config, tunnel);
        return new ConfigCheckReport(ordered, summary);
    }
}
