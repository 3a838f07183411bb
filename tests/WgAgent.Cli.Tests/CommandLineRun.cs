using System.CommandLine;

namespace WgAgent.Cli.Tests;

/// <summary>What one in-process run of a command tree printed and returned.</summary>
internal sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    public static CommandLineRun Invoke(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The command names listed under "Commands:" in a help text (empty when there is no such section).</summary>
    public static IReadOnlyList<string> ListedCommands(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        if (start < 0)
        {
            return [];
        }

        return lines.Skip(start + 1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ', 2)[0])
            .Where(n => n.Length > 0)
            .ToList();
    }
}
