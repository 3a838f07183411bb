using System.Net;
using WgAgent.Core.Config;

namespace WgAgent.Core.Exporters;

/// <summary>Compares what listens on an exporter's port with the WireGuard addresses it should be on (pure).</summary>
public static class ExporterListenerCheck
{
    /// <summary>Judges one exporter.</summary>
    /// <param name="exporter">The exporter from the config.</param>
    /// <param name="expected">The tunnel addresses it should listen on (e.g. <see cref="ExporterBindingPlanner.ListenAddresses"/>).</param>
    /// <param name="listeners">Every listening socket of the host's network namespace (both tables).</param>
    /// <returns>The check's result.</returns>
    public static ExporterListenerStatus Evaluate(ExporterSettings exporter, IReadOnlyList<IPAddress> expected, IEnumerable<ListeningSocket> listeners)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(listeners);
        var actual = ProcNetTcp.AddressesOn(listeners, exporter.Port);
        var state = actual.Count == 0 ? ExporterListenState.NotListening
            : actual.Any(a => !expected.Contains(a)) ? ExporterListenState.Exposed
            : expected.All(actual.Contains) ? ExporterListenState.Bound
            : ExporterListenState.Incomplete;
        return new ExporterListenerStatus(exporter.Name, exporter.Unit, exporter.Port, expected, actual, state);
    }
}
