using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;
using WgAgent.Toml;

namespace WgAgent.Core.Config;

/// <summary>
/// Turns the bytes of <c>/etc/wgagent.toml</c> into an <see cref="AgentConfig"/>: TOML first, then every key
/// checked against the schema and every value parsed into its type. All problems are reported at once; a file
/// with any error yields no config, so nothing half-validated ever reaches nft or systemd. Pure: no I/O.
/// </summary>
public static partial class AgentConfigReader
{
    private static readonly string[] TopLevelKeys = ["wireguard", "killswitch", "exporter", "status", "metrics", "ordering"];
    private static readonly string[] WireGuardKeys = ["interface", "config", "wait_timeout_seconds"];
    private static readonly string[] StatusKeys = ["socket", "group"];
    private static readonly string[] MetricsKeys = ["port"];

    /// <summary>The longest wait for the tunnel that makes sense: a day.</summary>
    private const long MaxWaitSeconds = 86_400;

    /// <summary>Reads a config file's bytes. Never throws on bad input.</summary>
    /// <param name="utf8">The file's contents.</param>
    /// <param name="sourcePath">The path to show in diagnostics.</param>
    /// <returns>The config or the diagnostics (or both, for warnings).</returns>
    public static AgentConfigReadResult Read(ReadOnlySpan<byte> utf8, string sourcePath)
    {
        var toml = TomlParser.Parse(utf8, sourcePath);
        if (toml.Document is null)
        {
            var syntax = new DiagnosticBag(sourcePath);
            foreach (var d in toml.Diagnostics)
            {
                syntax.Error(new TextPosition(d.Line, d.Column), null, d.Message);
            }

            return new AgentConfigReadResult(null, syntax.ToSortedList(), sourcePath, AgentConfig.Default.WireGuard.ConfigPath);
        }

        var context = new ConfigReadContext(sourcePath);
        var root = new TomlSection(toml.Document, "", context);
        root.RejectUnknownKeys(TopLevelKeys);
        var defaults = AgentConfig.Default;
        var wireGuard = ReadWireGuard(root.Table("wireguard"), defaults.WireGuard, context);
        var killswitch = ReadKillswitch(root.Table("killswitch"), defaults.Killswitch, context);
        var exporters = ReadExporters(root.Tables("exporter"), context);
        var config = new AgentConfig
        {
            WireGuard = wireGuard,
            Killswitch = killswitch,
            Exporters = exporters,
            Status = ReadStatus(root.Table("status"), defaults.Status, context),
            Metrics = ReadMetrics(root.Table("metrics"), defaults.Metrics, context),
            Ordering = ReadOrdering(root.Table("ordering"), defaults.Ordering, exporters, context),
            Positions = context.Positions,
        };
        CheckConsistency(config, context);

        var diagnostics = context.Diagnostics.ToSortedList();
        return new AgentConfigReadResult(context.Diagnostics.HasErrors ? null : config, diagnostics, sourcePath, wireGuard.ConfigPath);
    }

    private static WireGuardSettings ReadWireGuard(TomlSection? section, WireGuardSettings defaults, ConfigReadContext context)
    {
        if (section is null)
        {
            return defaults;
        }

        section.RejectUnknownKeys(WireGuardKeys);
        var name = defaults.Interface;
        if (section.StringWithSpan("interface") is (var text, var span))
        {
            if (InterfaceName.TryParse(text, out var parsed, out var error))
            {
                name = parsed;
            }
            else
            {
                context.Error(span, section.KeyPath("interface"), error);
            }
        }

        var path = ReadAbsolutePath(section, "config", context) ?? defaults.ConfigPath;
        var wait = defaults.WaitTimeout;
        if (section.Integer("wait_timeout_seconds") is (var seconds, var waitSpan))
        {
            if (seconds is < 0 or > MaxWaitSeconds)
            {
                context.Error(waitSpan, section.KeyPath("wait_timeout_seconds"),
                    $"{seconds} is out of range: use 0 to {MaxWaitSeconds} seconds");
            }
            else
            {
                wait = TimeSpan.FromSeconds(seconds);
            }
        }

        return new WireGuardSettings(name, path, wait);
    }

    private static StatusSettings ReadStatus(TomlSection? section, StatusSettings defaults, ConfigReadContext context)
    {
        if (section is null)
        {
            return defaults;
        }

        section.RejectUnknownKeys(StatusKeys);
        var socket = ReadAbsolutePath(section, "socket", context) ?? defaults.Socket;
        var group = defaults.Group;
        if (section.StringWithSpan("group") is (var text, var span))
        {
            if (IsGroupName(text))
            {
                group = text;
            }
            else
            {
                context.Error(span, section.KeyPath("group"),
                    $"{DiagnosticText.Quote(text)} is not a group name: use lowercase letters, digits, '_' and '-', starting with a letter or '_', at most 32 characters");
            }
        }

        return new StatusSettings(socket, group);
    }

    private static MetricsSettings ReadMetrics(TomlSection? section, MetricsSettings defaults, ConfigReadContext context)
    {
        if (section is null)
        {
            return defaults;
        }

        section.RejectUnknownKeys(MetricsKeys);
        if (section.Integer("port") is not (var port, var span))
        {
            return defaults;
        }

        if (port is < 0 or > 65535)
        {
            context.Error(span, section.KeyPath("port"), $"{port} is not a port: use 1 to 65535, or 0 to turn metrics off");
            return defaults;
        }

        return new MetricsSettings((int)port);
    }

    private static string? ReadAbsolutePath(TomlSection section, string key, ConfigReadContext context)
    {
        if (section.StringWithSpan(key) is not (var path, var span))
        {
            return null;
        }

        if (path.Length > 0 && path[0] == '/' && !path.Contains('\0', StringComparison.Ordinal) && path.Length < 4096)
        {
            return path;
        }

        context.Error(span, section.KeyPath(key), $"{DiagnosticText.Quote(path)} is not an absolute path");
        return null;
    }

    private static bool IsGroupName(string text) =>
        text.Length is >= 1 and <= 32
        && (char.IsAsciiLetterLower(text[0]) || text[0] == '_')
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
}
