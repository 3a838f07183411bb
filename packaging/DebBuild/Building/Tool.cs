using System.Diagnostics;

namespace WgAgent.DebBuild.Building;

/// <summary>Runs a command-line tool to completion; the one place this builder starts processes.</summary>
public static class Tool
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> (no shell) and throws if it fails.</summary>
    /// <param name="file">The program, looked up on PATH.</param>
    /// <param name="arguments">Arguments, each passed as is.</param>
    /// <param name="environment">Variables to set for the child, on top of this process's environment.</param>
    /// <returns>What it wrote to standard output.</returns>
    /// <exception cref="InvalidOperationException">It could not start or exited non-zero; the message has its stderr.</exception>
    public static string Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file}: could not start");
        // Read both streams concurrently: a child that fills one pipe while we wait on the other would hang.
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited {process.ExitCode}: {stderr.Result.Trim()}");
        }
        return stdout;
    }
}
