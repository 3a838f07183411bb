using System.CommandLine;

namespace WgAgent;

/// <summary>Entry point of <c>wgagent</c>: builds the command tree and runs it.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args) => WgAgentCommandLine.Build().Parse(args).Invoke();
}
