using System.Diagnostics;

namespace WgAgent.Status.Bench.Baseline;

/// <summary>
/// The baseline responder as a process of its own (this program's `respond` verb), like the daemon: the generator and the
/// server then share no thread pool or GC, only the machine's CPUs — as with the daemon. Killed on dispose; it also exits
/// by itself when its stdin (held by this process) closes.
/// </summary>
internal sealed class ResponderProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process process;

    private ResponderProcess(Process process, string socketPath) => (this.process, SocketPath) = (process, socketPath);

    /// <summary>Its socket file.</summary>
    public string SocketPath { get; }

    /// <summary>Its PID.</summary>
    public int Pid => process.Id;

    /// <summary>Starts it serving <paramref name="bodyFile"/> on <paramref name="socketPath"/>; returns once it listens.</summary>
    /// <exception cref="InvalidOperationException">It did not start listening in time.</exception>
    public static async Task<ResponderProcess> StartAsync(string socketPath, string bodyFile, string contentType, CancellationToken cancellationToken)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo
        {
            FileName = host,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ResponderProcess).Assembly.Location);
        }

        foreach (var arg in new[] { "respond", "--socket", socketPath, "--body", bodyFile, "--content-type", contentType })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"starting {host} respond");
        var responder = new ResponderProcess(process, socketPath);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(limit.Token);
            return line == StaticResponder.ReadyLine
                ? responder
                : throw new InvalidOperationException($"the baseline responder did not start (said: {line ?? "nothing"}, exited: {process.HasExited})");
        }
        catch
        {
            responder.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        File.Delete(SocketPath);
    }
}
