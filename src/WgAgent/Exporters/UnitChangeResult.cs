namespace WgAgent.Exporters;

/// <summary>What <see cref="UnitChangeApplier.ApplyAsync"/> did, in order, for the command's report.</summary>
/// <param name="Changes">The files written or removed.</param>
/// <param name="Stopped">Units stopped before the files changed.</param>
/// <param name="Started">Units started again afterwards (they were running before).</param>
/// <param name="Warnings">Things that worked but deserve a line (e.g. an exporter unit that is not installed).</param>
public sealed record UnitChangeResult(IReadOnlyList<UnitChange> Changes, IReadOnlyList<string> Stopped, IReadOnlyList<string> Started,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Nothing to do.</summary>
    public static UnitChangeResult None { get; } = new([], [], [], []);

    /// <summary>True when no file changed.</summary>
    public bool IsNoOp => Changes.Count == 0;
}
