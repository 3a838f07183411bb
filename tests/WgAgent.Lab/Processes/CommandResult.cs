namespace WgAgent.Lab.Processes;

/// <summary>The outcome of one finished (or timed-out) command.</summary>
/// <param name="Argv">The command as run, for messages.</param>
/// <param name="ExitCode">The exit code; -1 when it timed out and was killed.</param>
/// <param name="Stdout">Everything it wrote to standard output.</param>
/// <param name="Stderr">Everything it wrote to standard error.</param>
/// <param name="TimedOut">True when the timeout ran out and the process was killed.</param>
/// <param name="Elapsed">Wall time from start to exit.</param>
public sealed record CommandResult(
    IReadOnlyList<string> Argv, int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed)
{
    /// <summary>True when the command exited 0 within its timeout.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command line, space-joined (for messages only; not shell-quoted).</summary>
    public string CommandLine => string.Join(' ', Argv);

    /// <summary>Returns this result, or throws a <see cref="LabException"/> that says what failed and why.</summary>
    public CommandResult EnsureSuccess()
    {
        if (Succeeded)
        {
            return this;
        }

        throw new LabException(Describe());
    }

    /// <summary>A one-paragraph description: command, outcome, and its error output.</summary>
    public string Describe()
    {
        var outcome = TimedOut ? $"timed out after {Elapsed.TotalSeconds:0.0} s" : $"exited {ExitCode}";
        var detail = string.IsNullOrWhiteSpace(Stderr) ? Stdout.Trim() : Stderr.Trim();
        return detail.Length == 0 ? $"`{CommandLine}` {outcome}" : $"`{CommandLine}` {outcome}: {detail}";
    }
}
