namespace WgAgent.Core.Status;

/// <summary>
/// Turns what the daemon read from the kernel and the system into the status document (pure: no I/O, the clock is
/// an input). Each thing wrong becomes one <see cref="StatusProblem"/> with a concrete hint, and the verdict follows
/// from them: <see cref="AgentState.Ok"/> only when there is none.
/// </summary>
public static partial class StatusComposer
{
    /// <summary>
    /// A peer whose last handshake is older than this is reported. WireGuard renews the session every two minutes
    /// while traffic flows (REKEY_AFTER_TIME, 120 s, in the WireGuard paper §6.1), and a scraped host always has
    /// traffic; a minute of slack covers a scrape interval.
    /// </summary>
    public static TimeSpan HandshakeStaleAfter { get; } = TimeSpan.FromMinutes(3);

    /// <summary>The command that tells more about anything the daemon did.</summary>
    internal const string JournalHint = "`journalctl -u wgagent`";

    /// <summary>Composes <c>GET /v1/status</c>.</summary>
    /// <param name="inputs">The daemon's readings.</param>
    /// <returns>The document.</returns>
    public static StatusDocument Compose(StatusInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Problems are listed in the order a person should look at them: the firewall first (it is what keeps the
        // host safe), then the config that drives it, the tunnel, the peers, the exporters, the ordering drop-ins.
        var problems = new List<StatusProblem>();
        var killswitch = ComposeKillswitchStatus(inputs, problems);
        var config = ComposeConfig(inputs, problems);
        var tunnel = ComposeTunnel(inputs, problems);
        var exporters = ComposeExporters(inputs, problems);
        foreach (var ordering in inputs.OrderingProblems)
        {
            problems.Add(new StatusProblem(ProblemCodes.Ordering, ordering,
                $"run `systemctl reload wgagent` to write the drop-ins again; if this persists see {JournalHint}"));
        }

        return new StatusDocument
        {
            State = Verdict(killswitch.State, inputs.Ready, problems.Count),
            Ready = inputs.Ready,
            Version = inputs.Version,
            GeneratedAt = inputs.Now.ToUniversalTime(),
            StartedAt = inputs.StartedAt?.ToUniversalTime(),
            Tunnel = tunnel,
            Killswitch = killswitch,
            Exporters = exporters,
            Config = config,
            Ordering = new OrderingStatus { Problems = [.. inputs.OrderingProblems] },
            Problems = problems,
        };
    }

    /// <summary>
    /// The verdict. A table that is missing, different or unreadable is an error whatever else holds (the host may
    /// leak); otherwise any problem makes it starting (before READY=1) or degraded; ok needs none and READY=1.
    /// </summary>
    private static AgentState Verdict(KillswitchStatusState killswitch, bool ready, int problems) =>
        killswitch is KillswitchStatusState.Missing or KillswitchStatusState.Error ? AgentState.Error
        : !ready ? AgentState.Starting
        : problems > 0 ? AgentState.Degraded
        : AgentState.Ok;

    private static ConfigStatus ComposeConfig(StatusInputs inputs, List<StatusProblem> problems)
    {
        var errors = inputs.ConfigErrors.Where(d => d.IsError).ToList();
        var hint = $"run `agentctl config check {inputs.ConfigPath}`, fix it, then `systemctl reload wgagent`";
        if (errors.Count > 0)
        {
            var kept = inputs.ConfigLoadedAt is { } loaded
                ? $"the config loaded {HumanUnits.Ago(loaded, inputs.Now)} is kept"
                : "no policy from it is in force";
            problems.Add(new StatusProblem(ProblemCodes.ConfigBroken,
                $"{inputs.ConfigPath} is broken ({errors.Count} {(errors.Count == 1 ? "error" : "errors")}, first: {errors[0].Message}); {kept}", hint));
        }
        else if (inputs.ConfigLoadedAt is null)
        {
            problems.Add(new StatusProblem(ProblemCodes.ConfigBroken, $"{inputs.ConfigPath} has not been loaded", hint));
        }

        return new ConfigStatus
        {
            Path = inputs.ConfigPath,
            LoadedAt = inputs.ConfigLoadedAt?.ToUniversalTime(),
            Error = errors.Count > 0 ? errors[0].ToString() : null,
            Diagnostics = [.. inputs.ConfigErrors.Select(d => d.ToString())],
        };
    }
}
