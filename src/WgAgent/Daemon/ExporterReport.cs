using WgAgent.Core.Exporters;
using WgAgent.Core.Net;

namespace WgAgent.Daemon;

/// <summary>The exporters' state after a bind or a check: what was planned, what listens, what went wrong.</summary>
/// <param name="Addresses">The addresses they were bound to.</param>
/// <param name="Listeners">Per exporter, what the kernel shows listening on its port (config order).</param>
/// <param name="Problems">Human sentences: exporters that could not be bound and why; empty when all went well.</param>
/// <param name="CheckedAt">When the listeners were read.</param>
public sealed record ExporterReport(
    IReadOnlyList<IpNetwork> Addresses,
    IReadOnlyList<ExporterListenerStatus> Listeners,
    IReadOnlyList<string> Problems,
    DateTimeOffset CheckedAt)
{
    /// <summary>True when every exporter is bound as planned and listens only on the tunnel addresses.</summary>
    public bool IsHealthy => Problems.Count == 0 && Listeners.All(l => l.IsHealthy);

    /// <summary>One phrase for STATUS=, e.g. <c>exporters bound: node</c> or <c>exporters NOT bound: node (…)</c>.</summary>
    public string Summary
    {
        get
        {
            if (Listeners.Count == 0 && Problems.Count == 0)
            {
                return "no exporters configured";
            }

            var bad = Listeners.Where(l => !l.IsHealthy).ToList();
            if (bad.Count == 0 && Problems.Count == 0)
            {
                return "exporters bound: " + string.Join(", ", Listeners.Select(l => l.Name));
            }

            var reasons = bad.Select(l => l.Describe()).Concat(Problems).Distinct();
            return "exporters NOT bound: " + string.Join("; ", reasons);
        }
    }
}
