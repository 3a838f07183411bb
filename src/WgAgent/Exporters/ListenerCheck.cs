using System.Net;
using WgAgent.Core.Config;
using WgAgent.Core.Exporters;

namespace WgAgent.Exporters;

/// <summary>
/// What is actually listening, from the kernel's TCP tables of this process's network namespace, judged against
/// the addresses each exporter should be on.
/// </summary>
public static class ListenerCheck
{
    /// <summary>
    /// The tables' folder. /proc/self/net rather than /proc/net (a link to it, proc(5)): under a unit's
    /// <c>ProcSubset=pid</c> only the per-process folders are visible, and /proc/self/net is one of them.
    /// </summary>
    public const string DefaultProcNet = "/proc/self/net";

    /// <summary>Every listening TCP socket, IPv4 then IPv6.</summary>
    /// <param name="procNet">The folder holding <c>tcp</c> and <c>tcp6</c>.</param>
    /// <returns>The sockets.</returns>
    /// <exception cref="IOException">tcp cannot be read.</exception>
    /// <exception cref="FormatException">A table has an unexpected line.</exception>
    public static IReadOnlyList<ListeningSocket> ReadListening(string procNet = DefaultProcNet)
    {
        var sockets = new List<ListeningSocket>(ProcNetTcp.ParseListening(File.ReadAllText(Path.Combine(procNet, "tcp")), BitConverter.IsLittleEndian));
        // No tcp6 table when the kernel has IPv6 turned off entirely (ipv6.disable=1): then nothing listens on IPv6.
        var tcp6 = Path.Combine(procNet, "tcp6");
        if (File.Exists(tcp6))
        {
            sockets.AddRange(ProcNetTcp.ParseListening(File.ReadAllText(tcp6), BitConverter.IsLittleEndian));
        }

        return sockets;
    }

    /// <summary>Judges every exporter against what listens.</summary>
    /// <param name="exporters">The config's exporters.</param>
    /// <param name="expected">The WireGuard addresses they should listen on.</param>
    /// <param name="listeners">From <see cref="ReadListening"/>.</param>
    /// <returns>One status per exporter, in config order.</returns>
    public static IReadOnlyList<ExporterListenerStatus> Check(IReadOnlyList<ExporterSettings> exporters, IReadOnlyList<IPAddress> expected,
        IReadOnlyList<ListeningSocket> listeners)
    {
        ArgumentNullException.ThrowIfNull(exporters);
        return exporters.Select(exporter => ExporterListenerCheck.Evaluate(exporter, expected, listeners)).ToList();
    }
}
