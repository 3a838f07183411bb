using WgAgent.Core.Exporters;

namespace WgAgent.Exporters;

/// <summary>
/// Makes a unit directory hold exactly the exporter files a plan wants: writes new and changed ones, removes
/// generated exporter files nothing wants any more (an exporter taken out of the config), leaves equal ones alone
/// (a second bind is a no-op without any restart), and never touches a file without wgagent's marker. Serialized:
/// one bind at a time per binder, so an address change and a reload never interleave.
/// </summary>
public sealed class ExporterBinder
{
    private readonly UnitDirectory directory;
    private readonly UnitChangeApplier applier;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Creates the binder.</summary>
    /// <param name="directory">Where the files go (<see cref="ExporterUnitPaths.Persistent"/> on a host).</param>
    /// <param name="applier">Writes them and makes systemd follow.</param>
    public ExporterBinder(UnitDirectory directory, UnitChangeApplier applier)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(applier);
        this.directory = directory;
        this.applier = applier;
    }

    /// <summary>Applies <paramref name="plan"/>.</summary>
    /// <param name="plan">From <see cref="ExporterBindingPlanner.Plan"/>.</param>
    /// <param name="cancellationToken">Abandons waiting for the lock and the systemctl calls.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="SystemctlException">systemd refused a step.</exception>
    /// <exception cref="IOException">A file could not be read, written or removed.</exception>
    public async Task<ExporterBindResult> BindAsync(ExporterBindingPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var owned = directory.FindOwned()
                .Where(file => ExporterUnitNames.IsExporterFile(file.RelativePath))
                .ToDictionary(file => file.RelativePath, file => file.Content, StringComparer.Ordinal);
            var changes = new List<UnitChange>();
            var unchanged = new List<string>();
            var conflicts = new List<ExporterProblem>();
            var wanted = new HashSet<string>(plan.PreservedPaths, StringComparer.Ordinal);
            foreach (var binding in plan.Bindings)
            {
                wanted.UnionWith(binding.Files.Select(file => file.RelativePath));
                if (binding.Files.FirstOrDefault(file => !owned.ContainsKey(file.RelativePath) && directory.Exists(file.RelativePath)) is { } foreign)
                {
                    conflicts.Add(new ExporterProblem(binding.Exporter,
                        $"{directory.Full(foreign.RelativePath)} exists and was not written by wgagent; the exporter is left as it is",
                        "move that file away (or merge it into your own drop-in), then bind again"));
                    continue;
                }

                foreach (var file in binding.Files)
                {
                    if (owned.TryGetValue(file.RelativePath, out var current) && current == file.Content)
                    {
                        unchanged.Add(directory.Full(file.RelativePath));
                    }
                    else
                    {
                        changes.Add(new UnitChange(directory, file.RelativePath, file.Content, binding.Exporter.Unit.Value));
                    }
                }
            }

            // What no binding wants (an exporter taken out of the config, renamed, or given another unit).
            changes.AddRange(owned.Keys.Where(path => !wanted.Contains(path)).Select(path => new UnitChange(directory, path, null)));
            var applied = await applier.ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
            return new ExporterBindResult(plan, applied, unchanged, conflicts);
        }
        finally
        {
            gate.Release();
        }
    }
}
