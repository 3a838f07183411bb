using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;

namespace WgAgent.CliWrap.Tests;

/// <summary>Cancellation is a timeout: it kills the process and its children, and the await ends promptly.</summary>
public class CancellationTests
{
    [Fact]
    public async Task ExecuteBufferedAsync_CancelledWhileSleeping_ThrowsPromptly()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();

        var task = Cli.Wrap("sh").WithArguments(["-c", "sleep 10"]).ExecuteBufferedAsync(cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await task);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.False(IsRunning(task.ProcessId), $"process {task.ProcessId} still runs");
    }

    [Fact]
    public async Task ExecuteBufferedAsync_Cancelled_KillsGrandchildrenToo()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"wgagent-cliwrap-{Guid.NewGuid():N}.pid");
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var task = Cli.Wrap("sh").WithArguments(["-c", $"sleep 30 & echo $! > {pidFile}; wait"]).ExecuteBufferedAsync(cancel.Token);
            var sleepPid = await WaitForPidFileAsync(pidFile);
            Assert.True(IsRunning(sleepPid), "the grandchild should be running before the cancellation");

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await task);
            Assert.True(await EventuallyGoneAsync(sleepPid), $"grandchild {sleepPid} survived the cancellation");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public void ExecuteBufferedAsync_AlreadyCancelled_ThrowsWithoutStarting()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => { _ = Cli.Wrap("true").ExecuteBufferedAsync(cancel.Token); });
    }

    [Fact]
    public async Task ExecuteBufferedAsync_NotCancelled_CompletesNormally()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await Cli.Wrap("sh").WithArguments(["-c", "sleep 0.1; echo done"]).ExecuteBufferedAsync(cancel.Token);

        Assert.Equal("done\n", result.StandardOutput);
    }

    private static async Task<int> WaitForPidFileAsync(string path)
    {
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var pid))
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} was not written within 5 s");
    }

    private static async Task<bool> EventuallyGoneAsync(int pid)
    {
        for (var i = 0; i < 100; i++)
        {
            if (!IsRunning(pid))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>Alive and not a zombie (a killed orphan may linger as Z until its new parent reaps it).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }
}
