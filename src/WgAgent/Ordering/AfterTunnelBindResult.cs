using WgAgent.Exporters;

namespace WgAgent.Ordering;

/// <summary>What <see cref="AfterTunnelBinder.BindAsync"/> did.</summary>
/// <param name="Changes">The drop-ins written or removed (then systemd was reloaded).</param>
/// <param name="Unchanged">The full paths of drop-ins that were already as wanted.</param>
/// <param name="Conflicts">Units left without a drop-in because a file of someone else's is at its path.</param>
/// <param name="Reloaded">True when <c>systemctl daemon-reload</c> ran.</param>
public sealed record AfterTunnelBindResult(IReadOnlyList<UnitChange> Changes, IReadOnlyList<string> Unchanged,
    IReadOnlyList<AfterTunnelConflict> Conflicts, bool Reloaded)
{
    /// <summary>True when no file changed.</summary>
    public bool IsNoOp => Changes.Count == 0;

    /// <summary>True when every listed unit has its drop-in.</summary>
    public bool IsComplete => Conflicts.Count == 0;
}
