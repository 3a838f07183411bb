namespace WgAgent.Core.Exporters;

/// <summary>One generated unit file or drop-in.</summary>
/// <param name="RelativePath">Its path below the unit directory, '/'-separated (e.g. <c>x.service.d/wgagent-exporter.conf</c>).</param>
/// <param name="Content">The whole text; the first line is <see cref="GeneratedUnitMarker.Line"/>.</param>
public sealed record UnitFile(string RelativePath, string Content);
