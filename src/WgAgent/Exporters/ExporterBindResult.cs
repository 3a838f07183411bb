using WgAgent.Core.Exporters;

namespace WgAgent.Exporters;

/// <summary>What <see cref="ExporterBinder.BindAsync"/> did.</summary>
/// <param name="Plan">The plan it applied.</param>
/// <param name="Applied">The files changed and the units stopped and started.</param>
/// <param name="Unchanged">Generated files that were already as planned.</param>
/// <param name="Conflicts">Bindings not applied because a file of someone else's sits at a generated path.</param>
public sealed record ExporterBindResult(ExporterBindingPlan Plan, UnitChangeResult Applied, IReadOnlyList<string> Unchanged,
    IReadOnlyList<ExporterProblem> Conflicts)
{
    /// <summary>True when every configured exporter is bound as planned.</summary>
    public bool IsComplete => Plan.IsComplete && Conflicts.Count == 0;
}
