using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Netns;
using WgAgent.Lab.Tests.Firewall;

namespace WgAgent.Lab.Tests.Daemon;

/// <summary>
/// The published <c>wgagent run</c> inside a scratch network namespace, as systemd would run it but without systemd:
/// its sd_notify datagrams arrive on a real Unix datagram socket (NOTIFY_SOCKET) owned by the test, its log on
/// stderr, its nftables and netlink are the namespace's. Generated units go to a temporary directory, never to this
/// machine's /etc/systemd/system.
/// </summary>
internal sealed class DaemonUnderTest : IAsyncDisposable
{
    private readonly Process process;
    private readonly Socket notify;
    private readonly Task receiving;
    private readonly ConcurrentQueue<NotifyMessage> messages = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly StringBuilder log = new();
    private readonly string directory;

    private DaemonUnderTest(Process process, Socket notify, string directory)
    {
        this.process = process;
        this.notify = notify;
        this.directory = directory;
        receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The namespace it runs in.</summary>
    public required ScratchNamespace Namespace { get; init; }

    /// <summary>Its status socket (in its temporary directory).</summary>
    public string SocketPath => Path.Combine(directory, "agent.sock");

    /// <summary>Its config file (rewrite it, then <see cref="Reload"/>).</summary>
    public required string ConfigPath { get; init; }

    /// <summary>Every datagram so far, in arrival order.</summary>
    public IReadOnlyList<NotifyMessage> Messages => messages.ToArray();

    /// <summary>Its stderr so far.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>True once the process ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Its exit code (after it ended).</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Starts the daemon in <paramref name="scratch"/> with <paramref name="agentConfig"/> (a wg0.conf is written beside it).</summary>
    public static DaemonUnderTest Start(ScratchNamespace scratch, Func<string, string> agentConfig, string tunnelConfig)
    {
        var directory = Directory.CreateTempSubdirectory("wgagent-daemon-").FullName;
        File.WriteAllText(Path.Combine(directory, "wg0.conf"), tunnelConfig);
        File.SetUnixFileMode(Path.Combine(directory, "wg0.conf"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var configPath = Path.Combine(directory, "wgagent.toml");
        // The status socket in the test's directory, group root: never /run/wgagent of this machine.
        File.WriteAllText(configPath, agentConfig(Path.Combine(directory, "wg0.conf"))
            + $"\n[status]\nsocket = \"{Path.Combine(directory, "agent.sock")}\"\ngroup = \"root\"\n");
        Directory.CreateDirectory(Path.Combine(directory, "units"));
        Directory.CreateDirectory(Path.Combine(directory, "state"));

        var socketPath = Path.Combine(directory, "notify.sock");
        var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));

        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "netns", "exec", scratch.Name, PublishedAgent.WgAgent, "run", "--config", configPath,
                     "--state-directory", Path.Combine(directory, "state"), "--unit-directory", Path.Combine(directory, "units"),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NOTIFY_SOCKET"] = socketPath;
        var process = Process.Start(start) ?? throw new InvalidOperationException("ip netns exec did not start");
        var daemon = new DaemonUnderTest(process, notify, directory) { Namespace = scratch, ConfigPath = configPath };
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return daemon;
    }

    /// <summary>Waits for the first datagram after index <paramref name="from"/> that satisfies <paramref name="predicate"/>.</summary>
    public async Task<NotifyMessage> WaitForAsync(Func<NotifyMessage, bool> predicate, TimeSpan timeout, int from = 0)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var found = Messages.Skip(from).FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero || process.HasExited)
            {
                throw new TimeoutException($"no matching sd_notify message within {timeout.TotalSeconds} s (exited: {process.HasExited}); "
                    + $"got: [{string.Join(" | ", Messages)}]; log:\n{Log}");
            }

            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits for a STATUS= containing <paramref name="text"/>.</summary>
    public Task<NotifyMessage> WaitForStatusAsync(string text, TimeSpan timeout, int from = 0) =>
        WaitForAsync(m => m.Value("STATUS")?.Contains(text, StringComparison.Ordinal) == true, timeout, from);

    /// <summary>Waits for READY=1.</summary>
    public Task<NotifyMessage> WaitForReadyAsync(TimeSpan timeout, int from = 0) =>
        WaitForAsync(m => m.Value("READY") == "1", timeout, from);

    /// <summary>Sends SIGHUP (what ExecReload does).</summary>
    public void Reload() => Signal("HUP");

    /// <summary>Sends SIGTERM and waits for the exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Signal("TERM");
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        notify.Dispose();
        try
        {
            await receiving;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The socket was closed under the receive: that is how it ends.
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    // ip netns exec execs the program: the PID is the daemon's own.
    private void Signal(string name) => Process.Start("kill", ["-" + name, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var count = await notify.ReceiveAsync(buffer, SocketFlags.None);
            messages.Enqueue(new NotifyMessage(Encoding.UTF8.GetString(buffer, 0, count), Stopwatch.GetTimestamp()));
            arrived.Release();
        }
    }
}
