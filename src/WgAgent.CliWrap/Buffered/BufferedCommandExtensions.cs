using System.Text;

namespace CliWrap.Buffered;

/// <summary>Runs a command and collects its stdout and stderr in memory.</summary>
public static class BufferedCommandExtensions
{
    /// <summary>Starts the command and buffers its output, decoded as UTF-8.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancelling kills the process and its children and throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The running command; await it for the result.</returns>
    /// <exception cref="InvalidOperationException">The program could not be started (not found, not executable).</exception>
    /// <exception cref="Exceptions.CommandExecutionException">(From the task.) It exited non-zero while validation was on.</exception>
    public static CommandTask<BufferedCommandResult> ExecuteBufferedAsync(this Command command, CancellationToken cancellationToken = default) =>
        command.ExecuteBufferedAsync(ProcessExecution.DefaultEncoding, cancellationToken);

    /// <summary>Starts the command and buffers its output, decoded with <paramref name="encoding"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="encoding">How stdout and stderr are decoded.</param>
    /// <param name="cancellationToken">Cancelling kills the process and its children and throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The running command; await it for the result.</returns>
    public static CommandTask<BufferedCommandResult> ExecuteBufferedAsync(this Command command, Encoding encoding,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(encoding);
        return ProcessExecution.StartBuffered(command, encoding, encoding, cancellationToken);
    }
}
