namespace WgAgent.Status.Bench.Cli;

/// <summary>
/// The methods the JIT compiled in one run of a ReadyToRun program (DOTNET_JitDisasmSummary=1, which the release runtime
/// honours): code that ReadyToRun could not or did not precompile — mostly generic instantiations across assemblies, such
/// as the async state machine boxes over agentctl's own types, which a non-composite ReadyToRun image cannot hold.
/// </summary>
/// <param name="Command">What ran.</param>
/// <param name="Methods">Methods compiled.</param>
/// <param name="Tier0">Of those, at Tier0 (quick, unoptimized: the startup case).</param>
/// <param name="TouchingOurCode">Whose signature names an AgentCtl or WgAgent type (our methods, or framework generics over our types).</param>
/// <param name="TouchingCommandLine">Whose signature names System.CommandLine.</param>
internal sealed record JitSummary(string Command, int Methods, int Tier0, int TouchingOurCode, int TouchingCommandLine)
{
    /// <summary>Counts the lines of a DOTNET_JitStdOutFile written with DOTNET_JitDisasmSummary=1.</summary>
    public static JitSummary Parse(string command, string text)
    {
        var lines = text.Split('\n').Where(l => l.Contains("JIT compiled", StringComparison.Ordinal)).ToList();
        return new JitSummary(
            command,
            lines.Count,
            lines.Count(l => l.Contains("Tier0,", StringComparison.Ordinal) || l.Contains("Tier0]", StringComparison.Ordinal)),
            lines.Count(l => l.Contains("AgentCtl.", StringComparison.Ordinal) || l.Contains("WgAgent.", StringComparison.Ordinal)),
            lines.Count(l => l.Contains("System.CommandLine", StringComparison.Ordinal)));
    }
}
