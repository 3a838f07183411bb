namespace WgAgent.Exporters;

/// <summary>A systemctl call that failed: <c>systemctl daemon-reload exited 1: stderr</c>.</summary>
public sealed class SystemctlException : Exception
{
    /// <summary>Creates the exception from the failed call.</summary>
    /// <param name="result">The call.</param>
    public SystemctlException(SystemctlResult result)
        : base($"{result?.Command} exited {result?.ExitCode}: {FirstLine(result?.Error)}")
    {
        Result = result;
    }

    /// <summary>Creates an exception with a message (for callers that cannot run systemctl at all).</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public SystemctlException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The failed call, when there was one.</summary>
    public SystemctlResult? Result { get; }

    private static string FirstLine(string? text) =>
        text?.Trim() is { Length: > 0 } trimmed ? trimmed.Split('\n')[0].Trim() : "(no message)";
}
