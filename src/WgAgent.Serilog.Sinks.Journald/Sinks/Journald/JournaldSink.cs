using Serilog.Core;
using Serilog.Events;

namespace Serilog.Sinks.Journald;

/// <summary>
/// Writes each event as one journal entry through journald's native protocol; events the socket does not
/// take (no journald, no permission, a full queue past the send timeout) go to standard error with
/// "&lt;N&gt;" priority prefixes instead. Safe for concurrent use; sends synchronously (wrap in
/// Serilog.Sinks.Async to decouple callers from journald).
/// </summary>
public sealed class JournaldSink : ILogEventSink, IDisposable
{
    private readonly JournalEntryBuilder builder;
    private readonly JournalSocket socket;
    private readonly StderrFallback fallback;
    private readonly string socketPath;

    /// <summary>Creates the sink.</summary>
    /// <param name="options">Names, socket and fallback; validated here.</param>
    /// <exception cref="ArgumentException">An option is not usable (prefix, identifier, socket path, sizes).</exception>
    public JournaldSink(JournaldSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.SocketPath);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SendBufferSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SendTimeout, TimeSpan.FromMilliseconds(1));
        builder = new JournalEntryBuilder(options);
        socketPath = options.SocketPath;
        socket = new JournalSocket(options.SocketPath, options.SendBufferSize, options.SendTimeout);
        fallback = new StderrFallback(options.Fallback);
    }

    /// <inheritdoc/>
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var fields = builder.Build(logEvent);
        var problem = socket.TrySend(JournalDatagram.Serialize(fields));
        if (problem is null)
        {
            fallback.Recovered();
            return;
        }

        fallback.Write(SyslogPriority.FromLevel(logEvent.Level), fields[0].Value, logEvent.Exception, $"{socketPath}: {problem}");
    }

    /// <summary>Closes the socket; later events go to the fallback.</summary>
    public void Dispose() => socket.Dispose();
}
