using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap.Buffered;
using CliWrap.Exceptions;

namespace CliWrap;

/// <summary>Runs a <see cref="Command"/> as a real process with redirected pipes: the one place that touches <see cref="Process"/>.</summary>
internal static class ProcessExecution
{
    /// <summary>UTF-8 without a byte order mark: what Linux programs read and write.</summary>
    public static readonly Encoding DefaultEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>How long to wait for a killed process tree to be reaped before giving up on it.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(10);

    public static CommandTask<BufferedCommandResult> StartBuffered(Command command, Encoding standardOutputEncoding,
        Encoding standardErrorEncoding, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var process = new Process { StartInfo = CreateStartInfo(command, standardOutputEncoding, standardErrorEncoding) };
        var startTime = DateTimeOffset.UtcNow;
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"cannot start {command.TargetFilePath}: {e.Message}", e);
        }

        // Read before the completion can dispose the process (a fast program may be done already).
        var processId = process.Id;
        var task = CompleteAsync(command, process, startTime, cancellationToken);
        return new CommandTask<BufferedCommandResult>(task, processId);
    }

    private static ProcessStartInfo CreateStartInfo(Command command, Encoding standardOutputEncoding, Encoding standardErrorEncoding)
    {
        var info = new ProcessStartInfo(command.TargetFilePath)
        {
            UseShellExecute = false,
            // stdin is always a pipe of ours: a child must never read the caller's terminal or service stdin.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = standardOutputEncoding,
            StandardErrorEncoding = standardErrorEncoding,
        };
        foreach (var argument in command.ArgumentList)
        {
            info.ArgumentList.Add(argument);
        }

        if (command.WorkingDirPath is not null)
        {
            info.WorkingDirectory = command.WorkingDirPath;
        }

        foreach (var (name, value) in command.EnvironmentVariables)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    private static async Task<BufferedCommandResult> CompleteAsync(Command command, Process process, DateTimeOffset startTime,
        CancellationToken cancellationToken)
    {
        using (process)
        {
            // Both pipes are drained concurrently with the stdin copy: a program that fills one pipe while we block
            // on another would otherwise deadlock.
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var input = FeedInputAsync(process, command.StandardInputPipe);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                var exitTime = DateTimeOffset.UtcNow;
                // A grandchild that inherited a pipe keeps it open after the child exits; cancellation bounds that wait.
                await input.WaitAsync(cancellationToken).ConfigureAwait(false);
                var result = new BufferedCommandResult(process.ExitCode, startTime, exitTime,
                    await output.WaitAsync(cancellationToken).ConfigureAwait(false),
                    await error.WaitAsync(cancellationToken).ConfigureAwait(false));
                if (command.Validation.HasFlag(CommandResultValidation.ZeroExitCode) && !result.IsSuccess)
                {
                    throw new CommandExecutionException(command, result.ExitCode, FailureMessage(command, result));
                }

                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await KillTreeAsync(process).ConfigureAwait(false);
                throw new OperationCanceledException($"{command} was cancelled and killed", cancellationToken);
            }
        }
    }

    private static async Task FeedInputAsync(Process process, PipeSource source)
    {
        var stdin = process.StandardInput.BaseStream;
        try
        {
            await source.CopyToAsync(stdin).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // EPIPE: the program exited or closed stdin without reading everything. Its exit code tells the story.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Closing flushes; the same EPIPE can surface here.
            }
        }
    }

    private static async Task KillTreeAsync(Process process)
    {
        try
        {
            // The whole tree: `sh -c 'sleep 10'` must not leave the sleep behind holding our pipes.
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(KillGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Unkillable (uninterruptible sleep): nothing more to do; the caller still gets its cancellation.
        }
    }

    private static string FailureMessage(Command command, BufferedCommandResult result)
    {
        var stderr = result.StandardError.Trim();
        return stderr.Length == 0
            ? $"{command} exited {result.ExitCode}"
            : $"{command} exited {result.ExitCode}: {stderr}";
    }
}
