namespace WgAgent.Exporters;

/// <summary>A file in a unit directory that begins with wgagent's marker line.</summary>
/// <param name="RelativePath">Its path below the directory, '/'-separated.</param>
/// <param name="Content">Its text.</param>
public sealed record OwnedUnitFile(string RelativePath, string Content)
{
    /// <summary>The unit a drop-in belongs to, or null for a unit file.</summary>
    public string? DropInOwner => WgAgent.Core.Exporters.ExporterUnitNames.DropInOwner(RelativePath);
}
