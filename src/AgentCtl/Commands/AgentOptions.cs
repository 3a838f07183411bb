using System.CommandLine;
using WgAgent.Core;

namespace AgentCtl.Commands;

/// <summary>The options the commands that talk to the daemon share.</summary>
internal static class AgentOptions
{
    /// <summary>How long one request may take, connect included.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary><c>--socket PATH</c>, default /run/wgagent/agent.sock.</summary>
    public static Option<string> Socket() => new("--socket")
    {
        Description = "The daemon's status socket.",
        HelpName = "PATH",
        DefaultValueFactory = _ => ProductPaths.StatusSocket,
    };

    /// <summary><c>--json</c>: the API's JSON as is.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print the API's JSON document instead of the human view." };

    /// <summary>Colors only on a terminal, and never with NO_COLOR or TERM=dumb (no-color.org).</summary>
    public static bool UseColor(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");
}
