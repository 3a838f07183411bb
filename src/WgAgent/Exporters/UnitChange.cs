namespace WgAgent.Exporters;

/// <summary>One file to write or remove in a unit directory.</summary>
/// <param name="Directory">Where.</param>
/// <param name="RelativePath">The file below it.</param>
/// <param name="Content">The new text; null to remove the file.</param>
/// <param name="Service">
/// The service whose behaviour the file changes (restarted if it was running), or null when it is the file's own
/// unit (a drop-in's owner is found from its folder).
/// </param>
public sealed record UnitChange(UnitDirectory Directory, string RelativePath, string? Content, string? Service = null)
{
    /// <summary>True when the file is removed.</summary>
    public bool IsRemoval => Content is null;

    /// <summary>The unit this file is (for a unit file), or null for a drop-in.</summary>
    public string? OwnUnit => RelativePath.Contains('/', StringComparison.Ordinal) ? null : RelativePath;

    /// <summary>The service affected by the change: <see cref="Service"/>, else a drop-in's owner.</summary>
    public string? AffectedService => Service ?? WgAgent.Core.Exporters.ExporterUnitNames.DropInOwner(RelativePath);

    /// <summary><c>written PATH</c> / <c>removed PATH</c>.</summary>
    public override string ToString() => $"{(IsRemoval ? "removed" : "wrote")} {Directory.Full(RelativePath)}";
}
