using System.Globalization;
using WgAgent.Daemon.Bench.Node;

namespace WgAgent.Daemon.Bench.Reaction;

/// <summary>
/// The rebind's baseline, in the same host and run: the systemctl calls the daemon makes for a rebind
/// (src/WgAgent/Exporters/UnitChangeApplier.cs: show the exporter's state, stop it, daemon-reload, start it), typed by
/// hand in one shell, without the daemon and without a file change; and `systemctl daemon-reload` alone. Durations from
/// `date +%s%N` around each (CLOCK_REALTIME, fine for sub-second spans; one fork of date each side included).
/// wgagent.service is stopped meanwhile, so it neither sees nor reacts to the exporter's restarts.
/// </summary>
internal sealed class SystemdBaseline(NodeShell node, Action<string> log)
{
    /// <summary>Runs <paramref name="warmup"/> + <paramref name="runs"/> rounds; returns (daemon-reload ms, by-hand rebind ms) per measured round.</summary>
    public async Task<IReadOnlyList<double[]>> RunAsync(int warmup, int runs, CancellationToken cancellationToken)
    {
        await node.RunAsync(["systemctl", "stop", NodeInstaller.DaemonUnit], cancellationToken);
        var exporter = NodeInstaller.ExporterUnit;
        var script = string.Create(CultureInfo.InvariantCulture, $$"""
            set -e
            for i in $(seq {{warmup + runs}}); do
              a=$(date +%s%N); systemctl daemon-reload; b=$(date +%s%N)
              systemctl show --property=LoadState,ActiveState {{exporter}} >/dev/null
              systemctl stop {{exporter}}; systemctl daemon-reload; systemctl start {{exporter}}
              c=$(date +%s%N)
              echo "$((b - a)) $((c - b))"
            done
            """);
        var text = await node.RunAsync(["sh", "-c", script], cancellationToken);
        var rounds = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ').Select(ns => long.Parse(ns, CultureInfo.InvariantCulture) / 1e6).ToArray())
            .Skip(warmup)
            .ToList();
        foreach (var round in rounds)
        {
            log(string.Create(CultureInfo.InvariantCulture, $"baseline: daemon-reload {round[0]:0.0} ms, by-hand rebind {round[1]:0.0} ms"));
        }

        return rounds;
    }
}
