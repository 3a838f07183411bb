using System.Diagnostics;

namespace WgAgent.Lab.Processes;

/// <summary>
/// A long-running process the lab started (wireguard-go, node_exporter, Prometheus, a namespace anchor).
/// Its recent output is kept for error messages; the lab kills it by PID on dispose.
/// </summary>
public sealed class LabProcess : IAsyncDisposable
{
    private const int MaxLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private LabProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>A short name for messages, e.g. "node/wireguard-go".</summary>
    public string Name { get; }

    /// <summary>The process id.</summary>
    public int Pid { get; private set; }

    /// <summary>The command as started.</summary>
    public IReadOnlyList<string> Argv => [_process.StartInfo.FileName, .. _process.StartInfo.ArgumentList];

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it wrote to stdout and stderr (interleaved, at most 200).</summary>
    public string RecentOutput
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Starts <paramref name="argv"/> in the background, stdin closed, output captured.</summary>
    public static LabProcess Start(string name, IReadOnlyList<string> argv)
    {
        var process = new Process { StartInfo = CommandRunner.CreateStartInfo(argv), EnableRaisingEvents = true };
        var labProcess = new LabProcess(name, process);
        process.OutputDataReceived += (_, e) => labProcess.Append(e.Data);
        process.ErrorDataReceived += (_, e) => labProcess.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new LabException($"starting {name} (`{string.Join(' ', argv)}`): {e.Message}", e);
        }

        labProcess.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Long-running daemons must not read the test runner's (or the demo's terminal's) stdin.
        process.StandardInput.Close();
        return labProcess;
    }

    /// <summary>Throws a <see cref="LabException"/> with its output if the process has already ended.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new LabException($"{Name} exited {_process.ExitCode}: {RecentOutput.Trim()}");
        }
    }

    /// <summary>Kills the process (SIGKILL, whole tree) and waits, bounded, for it to be reaped.</summary>
    /// <returns>False if it was still running after <paramref name="timeout"/>.</returns>
    public async Task<bool> KillAsync(TimeSpan timeout)
    {
        CommandRunner.Kill(_process);
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (pid {Pid})";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
