namespace CliWrap.Buffered;

/// <summary>A command's result together with everything it wrote to stdout and stderr.</summary>
public class BufferedCommandResult : CommandResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="exitCode">The process's exit code.</param>
    /// <param name="startTime">When the process was started.</param>
    /// <param name="exitTime">When it was seen to exit.</param>
    /// <param name="standardOutput">Everything it wrote to stdout, decoded.</param>
    /// <param name="standardError">Everything it wrote to stderr, decoded.</param>
    public BufferedCommandResult(int exitCode, DateTimeOffset startTime, DateTimeOffset exitTime,
        string standardOutput, string standardError)
        : base(exitCode, startTime, exitTime)
    {
        StandardOutput = standardOutput;
        StandardError = standardError;
    }

    /// <summary>Everything the process wrote to stdout.</summary>
    public string StandardOutput { get; }

    /// <summary>Everything the process wrote to stderr.</summary>
    public string StandardError { get; }
}
