using System.Net;
using WgAgent.Core.Config;

namespace WgAgent.Core.Exporters;

/// <summary>One exporter's listening check, as the status reports it.</summary>
/// <param name="Name">The exporter's name.</param>
/// <param name="Unit">Its service.</param>
/// <param name="Port">Its port.</param>
/// <param name="Expected">The WireGuard addresses it should listen on.</param>
/// <param name="Actual">The addresses something listens on at that port (from the kernel's tables).</param>
/// <param name="State">The verdict.</param>
public sealed record ExporterListenerStatus(string Name, SystemdUnitName Unit, int Port, IReadOnlyList<IPAddress> Expected,
    IReadOnlyList<IPAddress> Actual, ExporterListenState State)
{
    /// <summary>True only for <see cref="ExporterListenState.Bound"/>.</summary>
    public bool IsHealthy => State == ExporterListenState.Bound;

    /// <summary>One line for people, e.g. <c>node (x.service) :9100: exposed: listening on 0.0.0.0, expected 10.0.0.2</c>.</summary>
    public string Describe()
    {
        var verdict = State switch
        {
            ExporterListenState.Bound => "bound",
            ExporterListenState.Incomplete => "incomplete",
            ExporterListenState.NotListening => "not listening",
            _ => "EXPOSED",
        };
        var actual = Actual.Count == 0 ? "nothing" : string.Join(", ", Actual);
        var expected = Expected.Count == 0 ? "(no tunnel address)" : string.Join(", ", Expected);
        return $"{Name} ({Unit}) :{Port}: {verdict}: listening on {actual}; expected {expected}";
    }
}
