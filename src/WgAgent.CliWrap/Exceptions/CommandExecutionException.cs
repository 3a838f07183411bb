namespace CliWrap.Exceptions;

/// <summary>A command ended with a non-zero exit code while <see cref="CommandResultValidation.ZeroExitCode"/> was on.</summary>
public class CommandExecutionException : CliWrapException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="command">The command that failed.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="message">The whole message (names the command, the exit code and, when buffered, stderr).</param>
    public CommandExecutionException(Command command, int exitCode, string message)
        : base(message)
    {
        Command = command;
        ExitCode = exitCode;
    }

    /// <summary>The command that failed.</summary>
    public Command Command { get; }

    /// <summary>Its exit code.</summary>
    public int ExitCode { get; }
}
