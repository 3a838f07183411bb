using System.Diagnostics;

namespace WgAgent.Lab.Processes;

/// <summary>Runs a command to completion with a hard timeout; the one place the lab starts short-lived processes.</summary>
public static class CommandRunner
{
    /// <summary>The timeout used when the caller gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="argv"/> and waits for it (killing it at the timeout).</summary>
    /// <param name="argv">Program and arguments; no shell is involved.</param>
    /// <param name="timeout">Hard limit; on expiry the process tree is killed and the result says TimedOut.</param>
    /// <param name="standardInput">Text written to its stdin (then closed); stdin is closed immediately if null.</param>
    /// <param name="cancellationToken">Kills the process and throws when cancelled.</param>
    public static async Task<CommandResult> RunAsync(
        IReadOnlyList<string> argv,
        TimeSpan? timeout = null,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(argv.Count);
        var limit = timeout ?? DefaultTimeout;
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = CreateStartInfo(argv) };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new LabException($"starting `{string.Join(' ', argv)}`: {e.Message}", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await WriteInputAsync(process, standardInput).ConfigureAwait(false);

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(limit);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            Kill(process);
            // The pipes close once the killed tree is gone; bound the wait anyway.
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var output = await stdout.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var error = await stderr.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        return new CommandResult(argv.ToArray(), timedOut ? -1 : process.ExitCode, output, error, timedOut, stopwatch.Elapsed);
    }

    /// <summary>Runs <paramref name="argv"/> with the default timeout and throws unless it exits 0.</summary>
    public static async Task<CommandResult> RunCheckedAsync(params string[] argv) =>
        (await RunAsync(argv).ConfigureAwait(false)).EnsureSuccess();

    internal static ProcessStartInfo CreateStartInfo(IReadOnlyList<string> argv)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        // Stable, parseable output from iproute2, ping, wg and friends.
        info.Environment["LC_ALL"] = "C";
        return info;
    }

    internal static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing to kill.
        }
    }

    private static async Task WriteInputAsync(Process process, string? standardInput)
    {
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process exited without reading its input; its exit code tells the story.
        }
    }
}
