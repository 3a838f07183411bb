using WgAgent.Core.Config;

namespace WgAgent.Core.Exporters;

/// <summary>
/// Names and places of the files wgagent writes for exporters, relative to a systemd unit directory
/// (<see cref="ExporterUnitPaths"/>). Exporter names are [a-z0-9_-] (the config reader checks), so every name
/// here is a valid unit name (systemd.unit(5)).
/// </summary>
public static class ExporterUnitNames
{
    /// <summary>The prefix of every generated socket unit.</summary>
    public const string SocketPrefix = "wgagent-exporter-";

    /// <summary>The suffix of every generated socket unit.</summary>
    public const string SocketSuffix = ".socket";

    /// <summary>
    /// The drop-in's file name inside <c>&lt;unit&gt;.d/</c>. Drop-ins apply in file-name order across all
    /// directories (systemd.unit(5)), later ones winning: "wgagent-…" sorts after an operator's "override.conf"
    /// (what <c>systemctl edit</c> writes), so our <c>ExecStart=</c> is the one that counts.
    /// </summary>
    public const string DropInFileName = "wgagent-exporter.conf";

    /// <summary>The socket unit of exporter <paramref name="exporterName"/>, e.g. <c>wgagent-exporter-node.socket</c>.</summary>
    public static string Socket(string exporterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(exporterName);
        return SocketPrefix + exporterName + SocketSuffix;
    }

    /// <summary>The drop-in's path relative to the unit directory, e.g. <c>x.service.d/wgagent-exporter.conf</c>.</summary>
    public static string DropIn(SystemdUnitName unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return $"{unit.Value}.d/{DropInFileName}";
    }

    /// <summary>True for a relative path of the shape of a generated exporter file (socket or drop-in).</summary>
    /// <param name="relativePath">A path relative to the unit directory, '/'-separated.</param>
    /// <returns>Whether <c>exporters bind</c> manages files at this path (ownership still needs the marker).</returns>
    public static bool IsExporterFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split('/');
        return parts switch
        {
            [var file] => file.StartsWith(SocketPrefix, StringComparison.Ordinal) && file.EndsWith(SocketSuffix, StringComparison.Ordinal),
            [var dir, DropInFileName] => dir.EndsWith(".service.d", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>The unit a drop-in belongs to (<c>x.service.d/f.conf</c> gives <c>x.service</c>); null for other paths.</summary>
    public static string? DropInOwner(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split('/');
        return parts is [var dir, _] && dir.EndsWith(".d", StringComparison.Ordinal) ? dir[..^2] : null;
    }
}
