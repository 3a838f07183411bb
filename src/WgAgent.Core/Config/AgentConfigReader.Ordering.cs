using WgAgent.Core.Diagnostics;
using WgAgent.Core.Exporters;

namespace WgAgent.Core.Config;

/// <summary>The <c>[ordering]</c> section: units that start only after wgagent is ready.</summary>
public static partial class AgentConfigReader
{
    private static readonly string[] OrderingKeys = ["after_tunnel"];

    /// <summary>
    /// Units reached before wgagent.service can start: wgagent-killswitch.service, network-pre.target and
    /// sysinit.target are early boot, basic.target is what every ordinary service (wgagent too) is After=, and
    /// wg-quick@ (which wgagent.service is After=) is After=network-online.target, itself after network.target.
    /// Making any of them wait for wgagent is an ordering cycle, which systemd breaks by dropping a job at boot.
    /// </summary>
    private static readonly string[] BeforeAgentUnits =
        ["wgagent-killswitch.service", "network-pre.target", "sysinit.target", "basic.target", "network.target", "network-online.target"];

    private static OrderingSettings ReadOrdering(TomlSection? section, OrderingSettings defaults, IReadOnlyList<ExporterSettings> exporters,
        ConfigReadContext context)
    {
        if (section is null)
        {
            return defaults;
        }

        section.RejectUnknownKeys(OrderingKeys);
        var items = section.StringArray("after_tunnel");
        if (items is null)
        {
            return defaults;
        }

        var units = new List<SystemdUnitName>(items.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (text, span, path) in items)
        {
            if (!SystemdUnitName.TryParse(text, out var unit, out var error))
            {
                context.Error(span, path, error);
                continue;
            }

            if (WhyNotAfterTunnel(unit, exporters) is (var message, var hint))
            {
                context.Error(span, path, message, hint);
                continue;
            }

            if (seen.TryGetValue(unit.Value, out var firstPath))
            {
                context.Error(span, path, $"{DiagnosticText.Quote(text)} is listed twice (first as {firstPath})", "remove one of them");
                continue;
            }

            seen[unit.Value] = path;
            context.Record(path, span);
            units.Add(unit);
        }

        return new OrderingSettings(units);
    }

    /// <summary>Why <paramref name="unit"/> cannot be made to wait for wgagent, or null when it can.</summary>
    private static (string Message, string Hint)? WhyNotAfterTunnel(SystemdUnitName unit, IReadOnlyList<ExporterSettings> exporters)
    {
        var name = unit.Value;
        var quoted = DiagnosticText.Quote(name);
        if (name == "wgagent.service")
        {
            return ($"{quoted} is wgagent itself: a unit cannot wait for itself", "remove it from the list");
        }

        if (name.StartsWith("wg-quick@", StringComparison.Ordinal) && unit.Type == "service")
        {
            return ($"{quoted} brings the tunnel up and wgagent.service waits for it: waiting for wgagent in turn would be an ordering cycle",
                "remove it: wgagent.service is already ordered after the tunnel");
        }

        if (BeforeAgentUnits.Contains(name, StringComparer.Ordinal))
        {
            return ($"{quoted} is reached before wgagent.service can start: waiting for wgagent would be an ordering cycle",
                "list the services that need the tunnel instead, e.g. \"docker.service\"");
        }

        var exporter = exporters.Select((e, i) => (e, i)).FirstOrDefault(x => x.e.Unit == unit);
        if (exporter.e is not null)
        {
            return ($"{quoted} is the unit of exporter[{exporter.i}] (\"{exporter.e.Name}\"): exporters are already ordered by their own drop-in",
                "remove it from ordering.after_tunnel");
        }

        if (name.StartsWith(ExporterUnitNames.SocketPrefix, StringComparison.Ordinal))
        {
            return ($"{quoted} is an exporter socket wgagent generates: exporters are already ordered by their own drop-in",
                "remove it from ordering.after_tunnel");
        }

        // A drop-in in "foo@.service.d/" would apply to every instance, including ones the operator never meant.
        if (name[..name.LastIndexOf('.')].EndsWith('@'))
        {
            return ($"{quoted} is a template: name an instance", $"e.g. \"{name[..(name.LastIndexOf('.') - 1)]}@NAME.{unit.Type}\"");
        }

        return null;
    }
}
