using Serilog;
using Serilog.Events;
using Serilog.Sinks.Journald;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

/// <summary>The sink through a real Serilog logger, sending to a real datagram socket bound in a temp folder.</summary>
public sealed class JournaldSinkTests
{
    [Fact]
    public void Information_WithProperties_ExactFieldsArrive()
    {
        using var journal = new JournalReceiver();
        using var log = new LoggerConfiguration().WriteTo.Journald(socketPath: journal.SocketPath).CreateLogger();

        log.Information("tunnel {Interface} up with {PeerCount} peers, fwmark {FwMark}", "wg0", 2, "0xca6c");

        Assert.Equal(
            [
                ("MESSAGE", "tunnel wg0 up with 2 peers, fwmark 0xca6c"),
                ("PRIORITY", "6"),
                ("SYSLOG_IDENTIFIER", "wgagent"),
                ("WGAGENT_MESSAGE_TEMPLATE", "tunnel {Interface} up with {PeerCount} peers, fwmark {FwMark}"),
                ("WGAGENT_INTERFACE", "wg0"),
                ("WGAGENT_PEER_COUNT", "2"),
                ("WGAGENT_FW_MARK", "0xca6c"),
            ],
            journal.ReceiveFields());
    }

    [Theory]
    [InlineData(LogEventLevel.Debug, "7")]
    [InlineData(LogEventLevel.Warning, "4")]
    [InlineData(LogEventLevel.Fatal, "2")]
    public void Write_Level_PriorityField(LogEventLevel level, string priority)
    {
        using var journal = new JournalReceiver();
        using var log = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Journald(socketPath: journal.SocketPath).CreateLogger();

        log.Write(level, "x");

        Assert.Equal(priority, journal.ReceiveFields().Single("PRIORITY"));
    }

    [Fact]
    public void Error_MultiLineMessageAndException_BinaryFieldsIntact()
    {
        using var journal = new JournalReceiver();
        using var log = new LoggerConfiguration().WriteTo.Journald(socketPath: journal.SocketPath, syslogIdentifier: "wgtest").CreateLogger();
        var exception = TestExceptions.Thrown(new IOException("nft exited 1: Error: syntax error"));

        log.Error(exception, "applying ruleset failed:\n{Stderr}", "line 1\nline 2");

        var fields = journal.ReceiveFields();
        Assert.Equal("applying ruleset failed:\nline 1\nline 2", fields.Single("MESSAGE"));
        Assert.Equal("wgtest", fields.Single("SYSLOG_IDENTIFIER"));
        Assert.Equal("line 1\nline 2", fields.Single("WGAGENT_STDERR"));
        Assert.Equal("System.IO.IOException", fields.Single("WGAGENT_EXCEPTION_TYPE"));
        Assert.Equal(exception.ToString(), fields.Single("WGAGENT_EXCEPTION"));
        Assert.Contains("\n", fields.Single("WGAGENT_EXCEPTION"), StringComparison.Ordinal);
    }

    [Fact]
    public void Information_EntryLargerThanSendBuffer_ArrivesAsSealedMemfd()
    {
        using var journal = new JournalReceiver();
        var options = new JournaldSinkOptions { SocketPath = journal.SocketPath, SendBufferSize = 64 * 1024 };
        using var log = new LoggerConfiguration().WriteTo.Journald(options).CreateLogger();
        var big = new string('x', 300_000);

        log.Information("{Big} and {Small}", big, "s");

        var datagram = journal.Receive(TimeSpan.FromSeconds(5));
        Assert.NotNull(datagram);
        Assert.Empty(datagram.Payload); // the protocol: an empty payload with exactly one descriptor
        Assert.NotNull(datagram.Memfd);
        Assert.Equal(TestLibc.AllSeals, datagram.Memfd.Seals);
        var fields = JournalEntryParser.Parse(datagram.Memfd.Content);
        Assert.Equal(big + " and s", fields.Single("MESSAGE"));
        Assert.Equal("s", fields.Single("WGAGENT_SMALL"));
    }

    [Fact]
    public void Information_SmallEntry_PlainDatagramWithoutDescriptor()
    {
        using var journal = new JournalReceiver();
        using var log = new LoggerConfiguration().WriteTo.Journald(socketPath: journal.SocketPath).CreateLogger();

        log.Information("small");

        var datagram = journal.Receive(TimeSpan.FromSeconds(5));
        Assert.NotNull(datagram);
        Assert.Null(datagram.Memfd);
        Assert.StartsWith("MESSAGE=small\n", System.Text.Encoding.UTF8.GetString(datagram.Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Information_ManyThreads_EveryEntryArrivesWhole()
    {
        using var journal = new JournalReceiver();
        using var log = new LoggerConfiguration().WriteTo.Journald(socketPath: journal.SocketPath).CreateLogger();
        const int threads = 4, perThread = 50;

        var senders = Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                log.Information("thread {Thread} entry {Entry}\nsecond line", t, i);
            }
        })));
        var messages = new List<string>();
        while (messages.Count < threads * perThread && journal.Receive(TimeSpan.FromSeconds(5)) is { } datagram)
        {
            messages.Add(JournalEntryParser.Parse(datagram.Payload).Single("MESSAGE"));
        }

        await senders;
        Assert.Equal(threads * perThread, messages.Distinct().Count());
    }

    [Theory]
    [InlineData("wgagent_")]
    [InlineData("")]
    public void Journald_InvalidOptions_ThrowsAtConfiguration(string value)
    {
        Assert.Throws<ArgumentException>(() => new JournaldSink(
            value.Length == 0 ? new JournaldSinkOptions { SocketPath = value } : new JournaldSinkOptions { FieldPrefix = value }));
    }
}
