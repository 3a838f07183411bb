using WgAgent.Core.Diagnostics;
using WgAgent.Core.Net;

namespace WgAgent.Core.Config;

/// <summary>The <c>[[exporter]]</c> blocks.</summary>
public static partial class AgentConfigReader
{
    private static readonly string[] ExporterKeys = ["name", "unit", "port", "scrapers"];

    private static IReadOnlyList<ExporterSettings> ReadExporters(IReadOnlyList<TomlSection>? sections, ConfigReadContext context)
    {
        if (sections is null)
        {
            return [];
        }

        var exporters = new List<ExporterSettings>(sections.Count);
        foreach (var section in sections)
        {
            section.RejectUnknownKeys(ExporterKeys);
            section.RequireKeys(ExporterKeys);
            var name = ReadExporterName(section, context);
            var unit = ReadUnit(section, context);
            var port = ReadPort(section, "port", context);
            var scrapers = ReadList(section, "scrapers", [], context, (string text, out IpNetwork? network, out string? error) =>
                IpNetwork.TryParseHostOrNetwork(text, out network, out error));
            if (section.Has("scrapers") && scrapers.Count == 0 && !context.Diagnostics.HasErrors)
            {
                context.Error(section.Span, section.KeyPath("scrapers"),
                    "no scrapers: nobody could reach this exporter", "list your Prometheus server's WireGuard address, e.g. [\"10.0.0.1\"]");
            }

            if (name is not null && unit is not null && port is not null)
            {
                exporters.Add(new ExporterSettings(name, unit, port.Value, scrapers));
            }
        }

        return exporters;
    }

    private static string? ReadExporterName(TomlSection section, ConfigReadContext context)
    {
        if (section.StringWithSpan("name") is not (var name, var span))
        {
            return null;
        }

        // The name goes into nft counter names, metric labels and unit file names: keep it to a safe alphabet.
        var valid = name.Length is >= 1 and <= 32 && char.IsAsciiLetterOrDigit(name[0])
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-');
        if (valid)
        {
            return name;
        }

        context.Error(span, section.KeyPath("name"),
            $"{DiagnosticText.Quote(name)} is not an exporter name: use 1 to 32 lowercase letters, digits, '_' or '-', starting with a letter or digit");
        return null;
    }

    private static SystemdUnitName? ReadUnit(TomlSection section, ConfigReadContext context)
    {
        if (section.StringWithSpan("unit") is not (var text, var span))
        {
            return null;
        }

        if (!SystemdUnitName.TryParse(text, out var unit, out var error))
        {
            context.Error(span, section.KeyPath("unit"), error);
            return null;
        }

        if (unit.Type != "service")
        {
            context.Error(span, section.KeyPath("unit"), $"{DiagnosticText.Quote(text)} is a .{unit.Type} unit: name the exporter's .service");
            return null;
        }

        return unit;
    }

    private static int? ReadPort(TomlSection section, string key, ConfigReadContext context)
    {
        if (section.Integer(key) is not (var port, var span))
        {
            return null;
        }

        if (port is < 1 or > 65535)
        {
            context.Error(span, section.KeyPath(key), $"{port} is not a port (1-65535)");
            return null;
        }

        return (int)port;
    }
}
