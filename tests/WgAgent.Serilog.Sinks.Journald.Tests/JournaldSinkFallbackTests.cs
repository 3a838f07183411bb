using System.Diagnostics;
using Serilog;
using Serilog.Sinks.Journald;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

/// <summary>When the journal socket does not take an event: "&lt;N&gt;" lines on the fallback writer.</summary>
public sealed class JournaldSinkFallbackTests
{
    [Fact]
    public void Write_NoSocket_StderrLinesWithPriorityPrefixes()
    {
        var folder = Directory.CreateTempSubdirectory("wgagent-journal-").FullName;
        try
        {
            var path = Path.Combine(folder, "socket");
            var stderr = new StringWriter();
            using var log = new LoggerConfiguration()
                .WriteTo.Journald(new JournaldSinkOptions { SocketPath = path, Fallback = stderr })
                .CreateLogger();

            log.Warning("wg0 has no address yet");
            log.Error("two\nlines");
            log.Information("third");

            var lines = stderr.ToString().Split('\n');
            Assert.StartsWith($"<4>journald sink: {path}: ", lines[0], StringComparison.Ordinal);
            Assert.EndsWith("; writing to standard error instead", lines[0], StringComparison.Ordinal);
            Assert.Equal(["<4>wg0 has no address yet", "<3>two", "<3>lines", "<6>third", string.Empty], lines[1..]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Error_NoSocketWithException_EveryExceptionLinePrefixed()
    {
        using var journal = new JournalReceiver();
        journal.Close();
        var stderr = new StringWriter();
        using var log = new LoggerConfiguration()
            .WriteTo.Journald(new JournaldSinkOptions { SocketPath = journal.SocketPath, Fallback = stderr })
            .CreateLogger();

        log.Error(TestExceptions.Thrown(new InvalidOperationException("boom")), "failed");

        var lines = stderr.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("<3>failed", lines[1]);
        Assert.Equal("<3>System.InvalidOperationException: boom", lines[2]);
        Assert.True(lines.Length > 3, "no stack trace lines");
        Assert.All(lines[2..], line => Assert.StartsWith("<3>", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SocketBackAfterFailure_JournalAgainAndNextFailureAnnounced()
    {
        using var journal = new JournalReceiver();
        var moved = journal.SocketPath + ".moved";
        var stderr = new StringWriter();
        using var log = new LoggerConfiguration()
            .WriteTo.Journald(new JournaldSinkOptions { SocketPath = journal.SocketPath, Fallback = stderr })
            .CreateLogger();

        File.Move(journal.SocketPath, moved);
        log.Information("one");
        log.Information("two");
        File.Move(moved, journal.SocketPath);
        log.Information("three");
        File.Move(journal.SocketPath, moved);
        log.Information("four");
        File.Move(moved, journal.SocketPath);

        Assert.Equal("three", journal.ReceiveFields().Single("MESSAGE"));
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("<4>journald sink:", lines[0], StringComparison.Ordinal);
        Assert.Equal(["<6>one", "<6>two"], lines[1..3]);
        Assert.StartsWith("<4>journald sink:", lines[3], StringComparison.Ordinal);
        Assert.Equal("<6>four", lines[4]);
    }

    [Fact]
    public void Write_JournalNeverReads_BoundedThenFallback()
    {
        using var journal = new JournalReceiver();
        var stderr = new StringWriter();
        var options = new JournaldSinkOptions { SocketPath = journal.SocketPath, Fallback = stderr, SendTimeout = TimeSpan.FromMilliseconds(100) };
        using var log = new LoggerConfiguration().WriteTo.Journald(options).CreateLogger();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 30; i++)
        {
            log.Information("entry {Index}", i);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains("<6>entry 29", stderr.ToString(), StringComparison.Ordinal);
    }
}
