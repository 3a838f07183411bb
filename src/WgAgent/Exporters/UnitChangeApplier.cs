using WgAgent.Core.Config;

namespace WgAgent.Exporters;

/// <summary>
/// Changes unit files under a running systemd and makes the affected services follow, in an order that never lets
/// an exporter run from a half-changed configuration:
/// <list type="number">
/// <item>stop the affected services that are running, and the running units whose files go away (PID 1 must close a
/// socket while it still knows it; and the old process must have let go of its port before the new socket binds);</item>
/// <item>write and remove the files;</item>
/// <item><c>systemctl daemon-reload</c>;</item>
/// <item>start again the services that were running (a generated socket comes first, pulled in by <c>Requires=</c>),
/// and restart a changed socket that was listening for a service that was not running.</item>
/// </list>
/// Services that were stopped stay stopped: binding an exporter is not a reason to start one the operator stopped.
/// </summary>
public sealed class UnitChangeApplier
{
    private static readonly string[] RunningStates = ["active", "activating", "reloading"];
    private readonly ISystemctl systemctl;

    /// <summary>Creates the applier.</summary>
    /// <param name="systemctl">The way to the service manager.</param>
    public UnitChangeApplier(ISystemctl systemctl)
    {
        ArgumentNullException.ThrowIfNull(systemctl);
        this.systemctl = systemctl;
    }

    /// <summary>Applies <paramref name="changes"/> (see the class comment for the order).</summary>
    /// <param name="changes">The files to write or remove; empty is a no-op without any systemctl call.</param>
    /// <param name="cancellationToken">Abandons the systemctl calls.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="SystemctlException">A systemctl call failed; files already changed stay changed.</exception>
    /// <exception cref="IOException">A file could not be written or removed.</exception>
    public async Task<UnitChangeResult> ApplyAsync(IReadOnlyList<UnitChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return UnitChangeResult.None;
        }

        // Only names systemd takes for units are asked about or stopped (a stray marked file is just removed).
        var removedUnits = Distinct(changes.Where(c => c.IsRemoval).Select(c => c.OwnUnit)).Where(IsUnitName).ToList();
        var services = Distinct(changes.Select(c => c.AffectedService)).Where(IsUnitName).Except(removedUnits, StringComparer.Ordinal).ToList();
        var warnings = new List<string>();
        var running = new List<string>();
        foreach (var service in services)
        {
            var (load, active) = await StateAsync(service, cancellationToken).ConfigureAwait(false);
            if (load == "not-found")
            {
                warnings.Add($"{service} is not installed; its files are in place for when it is");
            }

            if (RunningStates.Contains(active))
            {
                running.Add(service);
            }
        }

        var runningRemoved = new List<string>();
        foreach (var unit in removedUnits)
        {
            var (_, active) = await StateAsync(unit, cancellationToken).ConfigureAwait(false);
            if (RunningStates.Contains(active))
            {
                runningRemoved.Add(unit);
            }
        }

        var writtenSockets = changes.Where(c => !c.IsRemoval && c.OwnUnit is { } unit && unit.EndsWith(".socket", StringComparison.Ordinal)).ToList();
        var socketsToRestart = new List<string>();
        foreach (var socket in writtenSockets.Where(c => c.Service is null || !running.Contains(c.Service)))
        {
            var (_, active) = await StateAsync(socket.OwnUnit!, cancellationToken).ConfigureAwait(false);
            if (RunningStates.Contains(active))
            {
                socketsToRestart.Add(socket.OwnUnit!);
            }
        }

        var stopped = running.Concat(runningRemoved).ToList();
        if (stopped.Count > 0)
        {
            await RunAsync(["stop", .. stopped], cancellationToken).ConfigureAwait(false);
        }

        foreach (var change in changes)
        {
            if (change.IsRemoval)
            {
                change.Directory.Remove(change.RelativePath);
            }
            else
            {
                change.Directory.WriteAtomically(change.RelativePath, change.Content!);
            }
        }

        await RunAsync(["daemon-reload"], cancellationToken).ConfigureAwait(false);
        // A changed socket that listens for a service that is not running (it would start it on a connection)
        // still holds the old addresses: rebind it. One that is not listening is left so.
        if (socketsToRestart.Count > 0)
        {
            await RunAsync(["try-restart", .. socketsToRestart], cancellationToken).ConfigureAwait(false);
        }

        if (running.Count > 0)
        {
            await RunAsync(["start", .. running], cancellationToken).ConfigureAwait(false);
        }

        return new UnitChangeResult(changes, stopped, running, warnings);
    }

    private async Task<(string Load, string Active)> StateAsync(string unit, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["show", "--property=LoadState,ActiveState", unit], cancellationToken).ConfigureAwait(false);
        string load = "", active = "";
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("LoadState=", StringComparison.Ordinal))
            {
                load = line["LoadState=".Length..];
            }
            else if (line.StartsWith("ActiveState=", StringComparison.Ordinal))
            {
                active = line["ActiveState=".Length..];
            }
        }

        return (load, active);
    }

    private async Task<SystemctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await systemctl.RunAsync(["--no-ask-password", .. arguments], cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    private static bool IsUnitName(string name) => SystemdUnitName.TryParse(name, out _, out _);

    private static List<string> Distinct(IEnumerable<string?> units) =>
        units.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
