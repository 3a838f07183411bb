using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using WgAgent.Lab.Processes;

namespace WgAgent.Status.Bench.Load;

/// <summary>
/// Which system calls a server makes per request: `strace -f -c -p PID` attached during an extra paced run (never a
/// measured one: strace slows every call it counts), its counts divided by the requests answered meanwhile.
/// </summary>
internal static partial class SyscallProfile
{
    /// <summary>The profile: requests answered while attached, the calls per request (busiest first) and strace's table.</summary>
    public sealed record Result(string Target, int Requests, IReadOnlyList<CallRate> PerRequest, string Table);

    /// <summary>One system call and how often it was made per request.</summary>
    public sealed record CallRate(string Call, double PerRequest);

    /// <summary>Attaches to <paramref name="pid"/>, runs <paramref name="load"/> (which returns the requests answered), detaches.</summary>
    public static async Task<Result?> RunAsync(string target, int pid, string outputFile, Func<Task<int>> load, CancellationToken cancellationToken)
    {
        using var strace = Process.Start(new ProcessStartInfo("strace", ["-f", "-c", "-o", outputFile, "-p", pid.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("starting strace");
        _ = strace.StandardError.ReadToEndAsync(CancellationToken.None);
        int requests;
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken); // attached to every thread by then
            requests = await load();
        }
        finally
        {
            // SIGINT: strace detaches from every thread and writes its table (SIGKILL would lose the table).
            await CommandRunner.RunAsync(["kill", "-INT", strace.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await strace.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                strace.Kill();
            }
        }

        for (var i = 0; i < 50 && !File.Exists(outputFile); i++)
        {
            await Task.Delay(100, cancellationToken);
        }

        if (!File.Exists(outputFile) || requests == 0)
        {
            return null;
        }

        var table = await File.ReadAllTextAsync(outputFile, cancellationToken);
        var rows = Row().Matches(table)
            .Select(m => (Call: m.Groups[2].Value, Calls: long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .Where(r => r.Call != "total")
            .OrderByDescending(r => r.Calls)
            .Select(r => new CallRate(r.Call, (double)r.Calls / requests))
            .ToList();
        return new Result(target, requests, rows, table);
    }

    // "% time  seconds  usecs/call  calls  [errors]  syscall"
    [GeneratedRegex(@"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
