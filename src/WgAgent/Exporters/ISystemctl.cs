namespace WgAgent.Exporters;

/// <summary>
/// The seam to systemd's manager, owned by its consumer (<see cref="UnitChangeApplier"/>): run one systemctl(1)
/// command. <see cref="SystemctlProcess"/> is the real one; tests of the file logic record the calls instead, so they
/// never reach this machine's service manager.
/// </summary>
public interface ISystemctl
{
    /// <summary>Runs <c>systemctl ARGUMENTS</c>.</summary>
    /// <param name="arguments">The arguments after <c>systemctl</c>.</param>
    /// <param name="cancellationToken">Abandons the call.</param>
    /// <returns>Exit code and output; a non-zero exit is a result, not an exception.</returns>
    Task<SystemctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default);
}
