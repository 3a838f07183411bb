using System.Globalization;
using System.Text.RegularExpressions;

namespace WgAgent.Status.Bench.Cli;

/// <summary>
/// Where one `agentctl status` spends its wall time, from an strace of it (`-f -ttt`, only execve, clone*, connect, send*,
/// recv*, write and exit_group traced, with --seccomp-bpf so the untraced calls do not stop): exec → connect to the socket
/// (runtime start, command line, client) → the last byte of the answer (the daemon) → the first write of the output
/// (parsing the JSON, rendering) → exit_group (shutdown). Timestamps are strace's, at syscall entry (or at "resumed").
/// </summary>
/// <param name="ExecToConnectMs">execve of agentctl → connect(2) to the status socket.</param>
/// <param name="ConnectToAnswerMs">connect → the last receive on that socket that returned data.</param>
/// <param name="AnswerToOutputMs">that receive → the first write of the output (more than 15 bytes: thread names are shorter).</param>
/// <param name="OutputToExitMs">first output write → exit_group.</param>
/// <param name="TotalMs">execve → exit_group.</param>
/// <param name="Threads">Threads agentctl started (clone/clone3 calls after its execve).</param>
internal sealed partial record StraceTimeline(double ExecToConnectMs, double ConnectToAnswerMs, double AnswerToOutputMs, double OutputToExitMs,
    double TotalMs, int Threads)
{
    /// <summary>The syscalls to trace.</summary>
    public const string TracedCalls = "execve,clone,clone3,connect,sendto,sendmsg,recvfrom,recvmsg,write,exit_group";

    /// <summary>Parses one strace output of <paramref name="program"/> (its path as exec'd); null when a step is missing (e.g.
    /// it could not connect).</summary>
    public static StraceTimeline? Parse(string text, string program, string socketPath)
    {
        double? exec = null, connect = null, answer = null, output = null, exit = null;
        string? mainPid = null;
        string? socketFd = null;
        var pendingRecv = new Dictionary<string, string>(StringComparer.Ordinal);
        var threads = 0;
        foreach (var line in text.Split('\n'))
        {
            var m = Line().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var (pid, at, rest) = (m.Groups[1].Value, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 1000, m.Groups[3].Value);
            if (rest.StartsWith($"execve(\"{program}\"", StringComparison.Ordinal) && rest.EndsWith("= 0", StringComparison.Ordinal))
            {
                (exec, mainPid) = (at, pid);
            }
            else if (exec is null)
            {
                continue;
            }
            else if (rest.StartsWith("clone", StringComparison.Ordinal))
            {
                threads++;
            }
            else if (rest.StartsWith("connect(", StringComparison.Ordinal) && rest.Contains($"sun_path=\"{socketPath}\"", StringComparison.Ordinal))
            {
                connect ??= at;
                socketFd = rest[8..rest.IndexOf(',', StringComparison.Ordinal)];
            }
            else if (socketFd is not null && Receive().Match(rest) is { Success: true } r && r.Groups[2].Value == socketFd)
            {
                if (rest.EndsWith("<unfinished ...>", StringComparison.Ordinal))
                {
                    pendingRecv[pid] = socketFd;
                }
                else if (ReturnsData(rest))
                {
                    answer = at;
                }
            }
            else if (rest.StartsWith("<... recv", StringComparison.Ordinal) || rest.StartsWith("<... read", StringComparison.Ordinal))
            {
                if (pendingRecv.Remove(pid) && ReturnsData(rest))
                {
                    answer = at;
                }
            }
            else if (answer is not null && output is null && Write().Match(rest) is { Success: true } w && int.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture) > 15)
            {
                output = at;
            }
            else if (pid == mainPid && rest.StartsWith("exit_group(", StringComparison.Ordinal))
            {
                exit = at;
            }
        }

        return exec is { } e && connect is { } c && answer is { } a && output is { } o && exit is { } x
            ? new StraceTimeline(c - e, a - c, o - a, x - o, x - e, threads)
            : null;
    }

    private static bool ReturnsData(string rest) => ReturnValue().Match(rest) is { Success: true } v && long.Parse(v.Groups[1].Value, CultureInfo.InvariantCulture) > 0;

    [GeneratedRegex(@"^(\d+)\s+(\d+\.\d+)\s+(.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"^(recvmsg|recvfrom|read)\((\d+),")]
    private static partial Regex Receive();

    [GeneratedRegex(@"^write\(\d+, .*\) = (\d+)$")]
    private static partial Regex Write();

    [GeneratedRegex(@"\) = (-?\d+)$")]
    private static partial Regex ReturnValue();
}
