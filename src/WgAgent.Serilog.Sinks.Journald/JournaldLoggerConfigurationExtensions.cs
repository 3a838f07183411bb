using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Sinks.Journald;

namespace Serilog;

/// <summary>Adds <c>WriteTo.Journald(...)</c> to the logger configuration.</summary>
public static class JournaldLoggerConfigurationExtensions
{
    /// <summary>
    /// Writes events to the systemd journal through its native protocol, properties as
    /// <c>{fieldPrefix}UPPER_SNAKE_NAME</c> fields; to standard error with "&lt;N&gt;" prefixes when the
    /// journal socket is unreachable.
    /// </summary>
    /// <param name="sinkConfiguration">The logger's sink configuration.</param>
    /// <param name="syslogIdentifier">SYSLOG_IDENTIFIER of every entry; null or empty for none.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level sent.</param>
    /// <param name="outputTemplate">Renders MESSAGE=.</param>
    /// <param name="formatProvider">Culture for MESSAGE=; null for invariant.</param>
    /// <param name="fieldPrefix">Prefix of property fields: empty or [A-Z][A-Z0-9_]*.</param>
    /// <param name="socketPath">journald's native socket.</param>
    /// <param name="levelSwitch">Changes the minimum level at run time; overrides <paramref name="restrictedToMinimumLevel"/>.</param>
    /// <returns>The logger configuration, for chaining.</returns>
    public static LoggerConfiguration Journald(
        this LoggerSinkConfiguration sinkConfiguration,
        string? syslogIdentifier = "wgagent",
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum,
        string outputTemplate = JournaldSinkOptions.DefaultOutputTemplate,
        IFormatProvider? formatProvider = null,
        string fieldPrefix = "WGAGENT_",
        string socketPath = JournaldSinkOptions.DefaultSocketPath,
        LoggingLevelSwitch? levelSwitch = null)
    {
        var options = new JournaldSinkOptions
        {
            SyslogIdentifier = syslogIdentifier,
            OutputTemplate = outputTemplate,
            FormatProvider = formatProvider,
            FieldPrefix = fieldPrefix,
            SocketPath = socketPath,
        };
        return Journald(sinkConfiguration, options, restrictedToMinimumLevel, levelSwitch);
    }

    /// <summary>As the other overload, with every option in <paramref name="options"/>.</summary>
    /// <param name="sinkConfiguration">The logger's sink configuration.</param>
    /// <param name="options">The sink options.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level sent.</param>
    /// <param name="levelSwitch">Changes the minimum level at run time.</param>
    /// <returns>The logger configuration, for chaining.</returns>
    public static LoggerConfiguration Journald(
        this LoggerSinkConfiguration sinkConfiguration,
        JournaldSinkOptions options,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum,
        LoggingLevelSwitch? levelSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        return sinkConfiguration.Sink(new JournaldSink(options), restrictedToMinimumLevel, levelSwitch);
    }
}
