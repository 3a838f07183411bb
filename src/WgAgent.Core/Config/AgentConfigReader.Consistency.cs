using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.Config;

/// <summary>Checks across keys of the one file: clashes that no single value shows.</summary>
public static partial class AgentConfigReader
{
    private static void CheckConsistency(AgentConfig config, ConfigReadContext context)
    {
        var at = (string path) => context.Positions.TryGetValue(path, out var p) ? p : TextPosition.Start;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var ports = new Dictionary<int, int>();
        for (var i = 0; i < config.Exporters.Count; i++)
        {
            var e = config.Exporters[i];
            if (names.TryGetValue(e.Name, out var first))
            {
                context.Diagnostics.Error(at($"exporter[{i}].name"), $"exporter[{i}].name",
                    $"exporter name \"{e.Name}\" is used twice (first by exporter[{first}])");
            }
            else
            {
                names[e.Name] = i;
            }

            if (ports.TryGetValue(e.Port, out var other))
            {
                context.Diagnostics.Error(at($"exporter[{i}].port"), $"exporter[{i}].port",
                    $"port {e.Port} is used twice (first by exporter[{other}])");
            }
            else
            {
                ports[e.Port] = i;
            }

            if (config.Metrics.Enabled && e.Port == config.Metrics.Port)
            {
                context.Diagnostics.Error(at($"exporter[{i}].port"), $"exporter[{i}].port",
                    $"port {e.Port} is also metrics.port", "change one of them, or set metrics.port = 0 to turn wgagent's metrics off");
            }
        }

        var k = config.Killswitch;
        if (k.Egress == EgressMode.Open)
        {
            var unused = new[] { ("allow_lan", k.AllowLan.Count), ("dns", k.Dns.Count) }.Where(item => item.Item2 > 0).Select(item => item.Item1);
            foreach (var key in unused)
            {
                context.Diagnostics.Warning(at($"killswitch.{key}"), $"killswitch.{key}",
                    "has no effect while killswitch.egress = \"open\"", "set egress = \"tunnel\" to restrict egress");
            }
        }

        if (k.Inbound == InboundMode.Restricted && !k.AllowInbound.Any(r => r.Protocol == TransportProtocol.Tcp && r.FirstPort <= 22 && r.LastPort >= 22))
        {
            var path = context.Positions.ContainsKey("killswitch.allow_inbound") ? "killswitch.allow_inbound" : "killswitch.inbound";
            context.Diagnostics.Warning(at(path), path,
                "SSH (tcp/22) is not reachable with inbound = \"restricted\": you may lock yourself out",
                "add \"tcp/22\" (or your SSH port) to killswitch.allow_inbound");
        }

    }
}
