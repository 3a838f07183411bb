using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace WgAgent.Hosting.Systemd.Tests;

public sealed class SystemdNotifierTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string, string> StatesAtBothAddresses()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "path", "abstract" })
        {
            foreach (var row in ServiceStateTests.States)
            {
                data.Add(kind, (string)row[0], (string)row[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatesAtBothAddresses))]
    public async Task Notify_State_ReceiverGetsExactBytes(string addressKind, string state, string expected)
    {
        using var receiver = addressKind == "path" ? NotifyReceiver.AtPath() : NotifyReceiver.Abstract();
        using var notifier = new SystemdNotifier(receiver.NotifySocket);

        notifier.Notify(ServiceStateTests.ByName(state));

        Assert.Equal(Encoding.UTF8.GetBytes(expected), await receiver.ReceiveBytesAsync(Wait));
    }

    [Fact]
    public async Task Notify_NonAsciiStatus_SentAsUtf8()
    {
        using var receiver = NotifyReceiver.AtPath();
        using var notifier = new SystemdNotifier(receiver.NotifySocket);

        notifier.Notify(ServiceState.Status("Tunnel wg0 → ok"));

        Assert.Equal("STATUS=Tunnel wg0 → ok"u8.ToArray(), await receiver.ReceiveBytesAsync(Wait));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("relative/notify")]
    [InlineData("vsock:2:1234")]
    public void IsEnabled_NoUsableNotifySocket_False(string? notifySocket)
    {
        using var notifier = new SystemdNotifier(notifySocket);

        Assert.False(notifier.IsEnabled);
        notifier.Notify(ServiceState.Ready); // a no-op, not an error
    }

    [Fact]
    public void Constructor_PathTooLongForSunPath_DisabledWithWarning()
    {
        var logger = new ListLogger();

        using var notifier = new SystemdNotifier("/" + new string('x', 200), logger);

        Assert.False(notifier.IsEnabled);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("notifications are off", StringComparison.Ordinal));
    }

    [Fact]
    public void Notify_NoSuchSocketFile_DoesNotThrowAndWarnsOnce()
    {
        var folder = Directory.CreateTempSubdirectory("wgagent-notify-").FullName;
        try
        {
            var logger = new ListLogger();
            using var notifier = new SystemdNotifier(Path.Combine(folder, "gone"), logger);

            notifier.Notify(ServiceState.Ready);
            notifier.Notify(ServiceState.Watchdog);
            notifier.Notify(ServiceState.Watchdog);

            Assert.True(notifier.IsEnabled);
            var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
            Assert.Contains("READY=1", warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Notify_ReceiverClosedSocketFileLeft_DoesNotThrow()
    {
        using var receiver = NotifyReceiver.AtPath();
        receiver.Close();
        using var notifier = new SystemdNotifier(receiver.NotifySocket, new ListLogger());

        notifier.Notify(ServiceState.Ready);
        notifier.Notify(ServiceState.Stopping);
    }

    [Fact]
    public void Notify_AbstractNameNobodyBound_DoesNotThrow()
    {
        using var receiver = NotifyReceiver.Abstract();
        receiver.Close();
        using var notifier = new SystemdNotifier(receiver.NotifySocket, new ListLogger());

        notifier.Notify(ServiceState.Ready);
    }

    [Fact]
    public void Notify_ReceiverNeverReads_ReturnsWithinSendTimeout()
    {
        using var receiver = NotifyReceiver.AtPath();
        var logger = new ListLogger();
        using var notifier = new SystemdNotifier(receiver.NotifySocket, logger, TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        // More than any receive queue takes (net.unix.max_dgram_qlen, 10 by default): later sends block
        // until the timeout and are dropped.
        for (var i = 0; i < 1000 && clock.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            notifier.Notify(ServiceState.Watchdog);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"sending took {clock.Elapsed}");
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Notify_AfterFailureReceiverBack_LogsRecovery()
    {
        using var receiver = NotifyReceiver.AtPath();
        var gone = receiver.NotifySocket + ".moved";
        File.Move(receiver.NotifySocket, gone);
        var logger = new ListLogger();
        using var notifier = new SystemdNotifier(receiver.NotifySocket, logger);

        notifier.Notify(ServiceState.Watchdog);
        File.Move(gone, receiver.NotifySocket);
        notifier.Notify(ServiceState.Ready);

        Assert.Equal("READY=1", await receiver.ReceiveAsync(Wait));
        Assert.Collection(
            logger.Entries,
            e => Assert.Equal(LogLevel.Warning, e.Level),
            e => Assert.Equal(LogLevel.Information, e.Level));
    }

    [Fact]
    public async Task Notify_ManyThreads_EveryDatagramArrivesWhole()
    {
        using var receiver = NotifyReceiver.Abstract();
        using var notifier = new SystemdNotifier(receiver.NotifySocket);
        const int threads = 4, perThread = 25;

        var senders = Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                notifier.Notify(ServiceState.Status($"thread {t} message {i}"));
            }
        })));
        var received = new List<string>();
        while (received.Count < threads * perThread && await receiver.ReceiveAsync(Wait) is { } text)
        {
            received.Add(text);
        }

        await senders;
        Assert.Equal(threads * perThread, received.Distinct().Count());
        Assert.All(received, text => Assert.Matches("^STATUS=thread [0-3] message [0-9]+$", text));
    }
}
