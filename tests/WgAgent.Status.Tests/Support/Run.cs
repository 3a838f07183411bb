using System.Diagnostics;

namespace WgAgent.Status.Tests.Support;

/// <summary>The result of a helper command.</summary>
internal sealed record RunResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs helper commands (curl, setpriv, ip) with a hard timeout; a command still running then is killed.</summary>
internal static class Run
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<RunResult> CommandAsync(params string[] argv)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {argv[0]}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', argv)}` did not finish within {Limit}");
        }

        return new RunResult(process.ExitCode, await output, await error);
    }

    public static async Task<RunResult> CheckedAsync(params string[] argv)
    {
        var result = await CommandAsync(argv);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', argv)}` exited {result.ExitCode}: {result.StandardError.Trim()}");
        }

        return result;
    }
}
