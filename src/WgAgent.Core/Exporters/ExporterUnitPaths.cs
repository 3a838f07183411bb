namespace WgAgent.Core.Exporters;

/// <summary>Where wgagent writes units and drop-ins (systemd.unit(5), "Unit File Load Path").</summary>
public static class ExporterUnitPaths
{
    /// <summary>
    /// The persistent local configuration directory. The exporter pieces go here, not to /run/systemd/system:
    /// /run is empty at boot until something recreates the files, and until then the exporter would start from
    /// its stock unit and listen on every address. In /etc they are in place before PID 1 loads any unit, so the
    /// exporter is bound to the tunnel address from its very first start. Address changes rewrite them.
    /// </summary>
    public const string Persistent = "/etc/systemd/system";

    /// <summary>The runtime directory (gone at reboot). wgagent writes nothing here yet; cleanup still looks.</summary>
    public const string Runtime = "/run/systemd/system";

    /// <summary>The directories <c>wgagent cleanup</c> searches for files carrying <see cref="GeneratedUnitMarker"/>.</summary>
    public static IReadOnlyList<string> CleanupDirectories { get; } = [Persistent, Runtime];
}
