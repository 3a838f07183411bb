using WgAgent.Core.Config;
using WgAgent.Core.Ordering;
using WgAgent.Exporters;

namespace WgAgent.Ordering;

/// <summary>
/// Makes a unit directory hold exactly the after-tunnel drop-ins (<see cref="AfterTunnelDropIn"/>) that
/// <c>[ordering] after_tunnel</c> asks for: writes new and changed ones, removes wgagent's for units no longer listed,
/// leaves equal ones alone (then calls systemctl not at all), and never touches a file without wgagent's marker.
/// Serialized: one bind at a time per binder, so a start and a reload never interleave.
/// </summary>
/// <remarks>
/// After a change it runs <c>systemctl daemon-reload</c> and nothing else. It never starts, stops or restarts the
/// listed units: the drop-in only orders their start, so it matters at their next start (the next boot, or the
/// operator's next restart), and restarting docker.service because a config line changed would take every container
/// down. That is also why it does not go through <see cref="UnitChangeApplier"/>, which restarts affected services.
/// </remarks>
public sealed class AfterTunnelBinder
{
    private readonly UnitDirectory directory;
    private readonly ISystemctl systemctl;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// Set while files have changed and systemd has not yet been told: a reload that failed after the files were
    /// written is retried on the next bind, although the files are then already as wanted.
    /// </summary>
    private bool reloadPending;

    /// <summary>Creates the binder.</summary>
    /// <param name="directory">Where the drop-ins go (<see cref="WgAgent.Core.Exporters.ExporterUnitPaths.Persistent"/> on a host, so they hold at boot).</param>
    /// <param name="systemctl">The way to the service manager (only <c>daemon-reload</c> is ever run).</param>
    public AfterTunnelBinder(UnitDirectory directory, ISystemctl systemctl)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(systemctl);
        this.directory = directory;
        this.systemctl = systemctl;
    }

    /// <summary>Writes and removes drop-ins so that exactly <paramref name="units"/> wait for wgagent.</summary>
    /// <param name="units">From <see cref="OrderingSettings.AfterTunnel"/> (validated: no duplicates, no cycles).</param>
    /// <param name="cancellationToken">Abandons waiting for the lock and the systemctl call.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="SystemctlException">daemon-reload failed; the files stay changed and the next bind reloads again.</exception>
    /// <exception cref="IOException">A file could not be read, written or removed.</exception>
    public async Task<AfterTunnelBindResult> BindAsync(IReadOnlyList<SystemdUnitName> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Only files of the drop-in's shape that carry the marker: the exporter files of the same directory belong
            // to ExporterBinder, and an operator's files to the operator.
            var owned = directory.FindOwned()
                .Where(file => AfterTunnelDropIn.IsAfterTunnelFile(file.RelativePath))
                .ToDictionary(file => file.RelativePath, file => file.Content, StringComparer.Ordinal);
            var changes = new List<UnitChange>();
            var unchanged = new List<string>();
            var conflicts = new List<AfterTunnelConflict>();
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var unit in units.Distinct())
            {
                var file = AfterTunnelDropIn.Render(unit);
                wanted.Add(file.RelativePath);
                if (owned.TryGetValue(file.RelativePath, out var current))
                {
                    if (current == file.Content)
                    {
                        unchanged.Add(directory.Full(file.RelativePath));
                    }
                    else
                    {
                        changes.Add(new UnitChange(directory, file.RelativePath, file.Content));
                    }
                }
                else if (directory.Exists(file.RelativePath))
                {
                    conflicts.Add(new AfterTunnelConflict(unit, directory.Full(file.RelativePath)));
                }
                else
                {
                    changes.Add(new UnitChange(directory, file.RelativePath, file.Content));
                }
            }

            // A unit taken out of the list: its drop-in goes (and with it the folder, if that was all it held).
            changes.AddRange(owned.Keys.Where(path => !wanted.Contains(path)).Select(path => new UnitChange(directory, path, null)));
            if (changes.Count > 0)
            {
                reloadPending = true;
            }

            foreach (var change in changes)
            {
                if (change.IsRemoval)
                {
                    directory.Remove(change.RelativePath);
                }
                else
                {
                    directory.WriteAtomically(change.RelativePath, change.Content!);
                }
            }

            var reloaded = false;
            if (reloadPending)
            {
                // PID 1 reads drop-ins only on a reload; without one the new order would count only from the next boot.
                (await systemctl.RunAsync(["--no-ask-password", "daemon-reload"], cancellationToken).ConfigureAwait(false)).EnsureSuccess();
                reloadPending = false;
                reloaded = true;
            }

            return new AfterTunnelBindResult(changes, unchanged, conflicts, reloaded);
        }
        finally
        {
            gate.Release();
        }
    }
}
