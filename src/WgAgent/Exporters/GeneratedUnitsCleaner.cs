using WgAgent.Core.Exporters;
using WgAgent.Core.Ordering;

namespace WgAgent.Exporters;

/// <summary>
/// Removes every unit file and drop-in wgagent wrote (those beginning with <see cref="GeneratedUnitMarker.Line"/>)
/// from the given directories, and gives the units back to their stock configuration: running services are stopped
/// before and started after (<see cref="UnitChangeApplier"/>). Files without the marker are never touched.
/// The after-tunnel drop-ins of <c>[ordering]</c> are removed too, but their units are not restarted: those drop-ins
/// only order a start, and restarting docker.service to forget an ordering would take its containers down.
/// </summary>
public sealed class GeneratedUnitsCleaner
{
    /// <summary>
    /// The <see cref="UnitChange.Service"/> of a removal that affects no running service. UnitChangeApplier stops and
    /// starts only services whose name is a unit name, so an empty one names none; the file is still removed and
    /// systemd reloaded. (A null Service would mean the drop-in's owner, e.g. docker.service.)
    /// </summary>
    private const string NoService = "";

    private readonly IReadOnlyList<UnitDirectory> directories;
    private readonly UnitChangeApplier applier;

    /// <summary>Creates the cleaner.</summary>
    /// <param name="directories">Where to look (<see cref="ExporterUnitPaths.CleanupDirectories"/> on a host).</param>
    /// <param name="applier">Removes the files and makes systemd follow.</param>
    public GeneratedUnitsCleaner(IReadOnlyList<UnitDirectory> directories, UnitChangeApplier applier)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(applier);
        this.directories = directories.ToArray();
        this.applier = applier;
    }

    /// <summary>Removes them all. Idempotent: with none left it calls nothing and reports nothing.</summary>
    /// <param name="cancellationToken">Abandons the systemctl calls.</param>
    /// <returns>What was removed, stopped and started.</returns>
    /// <exception cref="SystemctlException">systemd refused a step.</exception>
    /// <exception cref="IOException">A file could not be read or removed.</exception>
    public Task<UnitChangeResult> RemoveAllAsync(CancellationToken cancellationToken = default)
    {
        var changes = directories
            .SelectMany(directory => directory.FindOwned().Select(file => new UnitChange(directory, file.RelativePath, null,
                AfterTunnelDropIn.IsAfterTunnelFile(file.RelativePath) ? NoService : null)))
            .ToList();
        return applier.ApplyAsync(changes, cancellationToken);
    }
}
