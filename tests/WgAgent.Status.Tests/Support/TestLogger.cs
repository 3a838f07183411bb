using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WgAgent.Status.Tests.Support;

/// <summary>Collects what the server logs, so a test can show it and assert nothing unexpected was logged.</summary>
internal sealed class TestLogger : ILogger
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = $"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}";
        Entries.Enqueue(entry);
        Console.Error.WriteLine(entry);
    }
}
