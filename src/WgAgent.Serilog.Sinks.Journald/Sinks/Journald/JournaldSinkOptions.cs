namespace Serilog.Sinks.Journald;

/// <summary>How the journald sink names and sends entries. Validated when the sink is created.</summary>
public sealed class JournaldSinkOptions
{
    /// <summary>journald's native protocol socket (systemd-journald.service(8)).</summary>
    public const string DefaultSocketPath = "/run/systemd/journal/socket";

    /// <summary>The default <see cref="OutputTemplate"/>: the message with strings unquoted and structures as JSON.</summary>
    public const string DefaultOutputTemplate = "{Message:lj}";

    /// <summary>SYSLOG_IDENTIFIER= of every entry (what <c>journalctl -t</c> selects); null or empty to send none.</summary>
    public string? SyslogIdentifier { get; set; } = "wgagent";

    /// <summary>
    /// Prepended to the UPPER_SNAKE_CASE name of each log event property (and to MESSAGE_TEMPLATE,
    /// EXCEPTION, EXCEPTION_TYPE), so the program's fields never collide with journald's well-known
    /// ones: "Interface" becomes WGAGENT_INTERFACE. Empty or [A-Z][A-Z0-9_]*, at most 32 characters.
    /// </summary>
    public string FieldPrefix { get; set; } = "WGAGENT_";

    /// <summary>The Serilog output template that renders MESSAGE=; the exception is a field of its own, not part of it.</summary>
    public string OutputTemplate { get; set; } = DefaultOutputTemplate;

    /// <summary>Culture for rendering MESSAGE=; null for the invariant culture (property fields are always invariant).</summary>
    public IFormatProvider? FormatProvider { get; set; }

    /// <summary>Send each event's message template as {prefix}MESSAGE_TEMPLATE (to find all entries of one kind). Default true.</summary>
    public bool IncludeMessageTemplate { get; set; } = true;

    /// <summary>The journal socket; another path only for tests or a journald namespace.</summary>
    public string SocketPath { get; set; } = DefaultSocketPath;

    /// <summary>
    /// SO_SNDBUF asked for (the kernel caps it at net.core.wmem_max): bigger entries go through a memfd.
    /// JOURNAL_NATIVE_PROTOCOL.md advises raising it to delay blocking; 8 MiB like sd-journal.
    /// </summary>
    public int SendBufferSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long one send may block on a full journald queue before the event goes to the fallback.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Where events go as "&lt;N&gt;text" lines when the socket is unreachable; null for standard error.</summary>
    public TextWriter? Fallback { get; set; }
}
