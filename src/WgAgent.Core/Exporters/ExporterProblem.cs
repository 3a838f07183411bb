using WgAgent.Core.Config;

namespace WgAgent.Core.Exporters;

/// <summary>An exporter wgagent cannot bind to the WireGuard address, and why.</summary>
/// <param name="Exporter">The exporter from the config.</param>
/// <param name="Message">One sentence, e.g. "wgagent does not know how to bind x.service to an address".</param>
/// <param name="Hint">What the operator can do.</param>
public sealed record ExporterProblem(ExporterSettings Exporter, string Message, string Hint)
{
    /// <summary><c>exporter NAME (UNIT): MESSAGE</c>.</summary>
    public override string ToString() => $"exporter {Exporter.Name} ({Exporter.Unit}): {Message}";
}
