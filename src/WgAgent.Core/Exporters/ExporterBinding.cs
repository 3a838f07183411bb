using System.Net;
using WgAgent.Core.Config;

namespace WgAgent.Core.Exporters;

/// <summary>One exporter wgagent can bind: where it will listen and the files that make it so.</summary>
/// <param name="Exporter">The exporter from the config.</param>
/// <param name="Known">How its unit is bound.</param>
/// <param name="Addresses">The WireGuard addresses it will listen on, in wg0.conf order.</param>
/// <param name="Files">The socket unit (socket activation only) and the drop-in.</param>
public sealed record ExporterBinding(ExporterSettings Exporter, KnownExporter Known, IReadOnlyList<IPAddress> Addresses, IReadOnlyList<UnitFile> Files)
{
    /// <summary>The generated socket unit, or null when the exporter binds by itself.</summary>
    public string? SocketUnit => Known.Activation == ExporterActivation.SystemdSocket ? ExporterUnitNames.Socket(Exporter.Name) : null;

    /// <summary>The endpoints as they will be listed, e.g. <c>10.0.0.2:9100, [fd00::2]:9100</c>.</summary>
    public string Endpoints => string.Join(", ", Addresses.Select(a => ListenEndpoint.Format(a, Exporter.Port)));
}
