using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Config;

/// <summary>The outcome of reading <c>/etc/wgagent.toml</c>: the config when it has no errors, and every diagnostic.</summary>
/// <param name="Config">The validated config; null when any error was found.</param>
/// <param name="Diagnostics">Every error and warning, sorted by position.</param>
/// <param name="SourcePath">The config file as the caller named it.</param>
/// <param name="WireGuardConfigPath">
/// The wg-quick file the config points at (the default when the key is missing or broken), so a checker can
/// still check that file when this one has errors.
/// </param>
public sealed record AgentConfigReadResult(AgentConfig? Config, IReadOnlyList<Diagnostic> Diagnostics, string SourcePath, string WireGuardConfigPath)
{
    /// <summary>True when the file had no errors (warnings allowed).</summary>
    public bool Succeeded => Config is not null;
}
