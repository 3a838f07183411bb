namespace WgAgent.Core.Exporters;

/// <summary>
/// What <c>exporters bind</c> should make true: the files to have, the exporters it cannot bind, and the paths to
/// leave alone. Computed by <see cref="ExporterBindingPlanner"/>; applied by the host.
/// </summary>
/// <param name="Bindings">The exporters that will be bound, in config order.</param>
/// <param name="Problems">The exporters that will not be, with the reason.</param>
/// <param name="PreservedPaths">
/// Generated files that must stay as they are although no binding wants them: an exporter that is configured but
/// cannot be bound right now (no tunnel address) keeps its last binding, because removing it would put the
/// exporter back on its stock unit, which listens on every address.
/// </param>
public sealed record ExporterBindingPlan(IReadOnlyList<ExporterBinding> Bindings, IReadOnlyList<ExporterProblem> Problems, IReadOnlyList<string> PreservedPaths)
{
    /// <summary>A plan with nothing to bind and nothing to keep: applying it removes every generated exporter file.</summary>
    public static ExporterBindingPlan Empty { get; } = new([], [], []);

    /// <summary>Every file the bindings want, in order.</summary>
    public IEnumerable<UnitFile> Files => Bindings.SelectMany(binding => binding.Files);

    /// <summary>True when every configured exporter can be bound.</summary>
    public bool IsComplete => Problems.Count == 0;
}
