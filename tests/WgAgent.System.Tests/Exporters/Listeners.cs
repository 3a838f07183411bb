using WgAgent.Lab.Addressing;
using WgAgent.Lab.Nspawn;

namespace WgAgent.System.Tests.Exporters;

/// <summary>What listens on node_exporter's port inside a booted host, as ss(8) sees it.</summary>
public static class Listeners
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The local endpoints of the TCP sockets listening on the exporter port, sorted (e.g. <c>10.77.0.2:9100</c>, <c>*:9100</c>).</summary>
    public static async Task<IReadOnlyList<string>> OnExporterPortAsync(BootedHost host)
    {
        var ss = (await host.ExecAsync(["ss", "-H", "-l", "-t", "-n", $"sport = :{LabPorts.NodeExporter}"])).EnsureSuccess();
        // Columns: State Recv-Q Send-Q Local:Port Peer:Port.
        return ss.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Polls, bounded, until the listeners are <paramref name="expected"/> (a restarted exporter binds a moment after
    /// its start job finishes); returns the last answer either way.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WaitForAsync(BootedHost host, IReadOnlyList<string> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var now = await OnExporterPortAsync(host);
            if (now.SequenceEqual(expected.Order(StringComparer.Ordinal)) || DateTime.UtcNow > deadline)
            {
                return now;
            }

            await Task.Delay(PollInterval);
        }
    }
}
