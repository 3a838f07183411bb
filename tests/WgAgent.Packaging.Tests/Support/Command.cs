using System.Diagnostics;

namespace WgAgent.Packaging.Tests.Support;

/// <summary>What a finished command printed, and how it exited.</summary>
/// <param name="ExitCode">Its exit status.</param>
/// <param name="Stdout">Standard output as bytes (a tar stream for dpkg-deb --fsys-tarfile).</param>
/// <param name="Stderr">Standard error as text.</param>
public sealed record CommandResult(int ExitCode, byte[] Stdout, string Stderr)
{
    /// <summary>Standard output as UTF-8 text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Stdout);
}

/// <summary>Runs a program to completion, without a shell, with a time limit.</summary>
public static class Command
{
    public static async Task<CommandResult> RunAsync(string file, IEnumerable<string> arguments, string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file}: could not start");
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout, cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await Task.WhenAll(copy, stderr, process.WaitForExitAsync(cancel.Token));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in {timeout ?? TimeSpan.FromMinutes(3)}");
        }
        return new CommandResult(process.ExitCode, stdout.ToArray(), await stderr);
    }
}
