namespace CliWrap;

/// <summary>How a command ended and when.</summary>
public class CommandResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="exitCode">The process's exit code.</param>
    /// <param name="startTime">When the process was started.</param>
    /// <param name="exitTime">When it was seen to exit.</param>
    public CommandResult(int exitCode, DateTimeOffset startTime, DateTimeOffset exitTime)
    {
        ExitCode = exitCode;
        StartTime = startTime;
        ExitTime = exitTime;
    }

    /// <summary>The process's exit code (128 + N when a signal N ended it).</summary>
    public int ExitCode { get; }

    /// <summary>True when <see cref="ExitCode"/> is 0.</summary>
    public bool IsSuccess => ExitCode == 0;

    /// <summary>When the process was started.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>When it was seen to exit.</summary>
    public DateTimeOffset ExitTime { get; }

    /// <summary><see cref="ExitTime"/> minus <see cref="StartTime"/>.</summary>
    public TimeSpan RunTime => ExitTime - StartTime;
}
