using WgAgent.Core.Firewall;

namespace WgAgent.Core.Status;

public static partial class StatusComposer
{
    private const string PutBackHint = "wgagent puts it back within a second; if this persists see " + JournalHint;

    /// <summary>Composes <c>GET /v1/killswitch</c>: the kernel's table next to the expected one.</summary>
    /// <param name="inputs">The daemon's readings (only the kill-switch ones are used).</param>
    /// <returns>The document.</returns>
    public static KillswitchDocument ComposeKillswitch(StatusInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var status = ComposeKillswitchStatus(inputs, []);
        return new KillswitchDocument
        {
            State = status.State,
            Match = status.Match,
            AppliedAt = status.AppliedAt,
            RulesetSha256 = status.RulesetSha256,
            AppliedRuleset = inputs.KernelError is null ? inputs.KernelTable : null,
            ExpectedRuleset = inputs.ExpectedTable,
            FirstDifference = inputs is { KernelError: null, KernelTable: { } kernel, ExpectedTable: { } expected }
                ? NftListing.FirstDifference(kernel, expected)
                : null,
            Error = inputs.KernelError,
        };
    }

    private static KillswitchStatus ComposeKillswitchStatus(StatusInputs inputs, List<StatusProblem> problems)
    {
        var kernel = inputs.KernelError is null ? inputs.KernelTable : null;
        var match = kernel is not null && inputs.ExpectedTable is not null && NftListing.Matches(kernel, inputs.ExpectedTable);
        var (state, problem) = Judge(inputs, kernel, match);
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return new KillswitchStatus
        {
            State = state,
            Match = match,
            Posture = Posture(state, inputs),
            AppliedAt = inputs.AppliedAt?.ToUniversalTime(),
            RulesetSha256 = kernel is null ? null : RulesetFingerprint.Sha256(kernel),
            Repairs = inputs.Repairs,
            Drops = kernel is null ? new Dictionary<string, DropCounter>(StringComparer.Ordinal) : NftCounterListing.Parse(kernel),
            Error = inputs.KernelError,
        };
    }

    private static (KillswitchStatusState State, StatusProblem? Problem) Judge(StatusInputs inputs, string? kernel, bool match)
    {
        if (inputs.KernelError is { } error)
        {
            return (KillswitchStatusState.Error, new StatusProblem(ProblemCodes.KillswitchUnreadable,
                $"cannot list table {ProductPaths.NftTable}: {error}",
                $"check that `nft list table {ProductPaths.NftTable}` works as root; see {JournalHint}"));
        }

        if (kernel is null)
        {
            return (KillswitchStatusState.Missing, new StatusProblem(ProblemCodes.KillswitchMissing,
                $"table {ProductPaths.NftTable} is not in the kernel: nothing is filtered", PutBackHint));
        }

        if (inputs.ExpectedTable is null)
        {
            return (KillswitchStatusState.Error, new StatusProblem(ProblemCodes.KillswitchUnverified,
                $"wgagent has not verified a table yet, so the table {ProductPaths.NftTable} in the kernel is unchecked",
                $"see {JournalHint} for why applying failed"));
        }

        if (!match)
        {
            return (KillswitchStatusState.Error, new StatusProblem(ProblemCodes.KillswitchDifferent,
                $"table {ProductPaths.NftTable} in the kernel differs from the one wgagent applied (`agentctl killswitch show` shows both)",
                PutBackHint));
        }

        return inputs.ExpectedKind switch
        {
            KillswitchTableKind.LastGood => (KillswitchStatusState.FallbackLastGood, new StatusProblem(ProblemCodes.KillswitchFallback,
                "the kill switch enforces the last verified table (last-good.nft), not one computed from the config",
                $"run `agentctl config check {inputs.ConfigPath}`, fix it, then `systemctl reload wgagent`")),
            KillswitchTableKind.BlockAll => (KillswitchStatusState.BlockAll, new StatusProblem(ProblemCodes.KillswitchBlockAll,
                "the kill switch blocks everything but loopback: no valid config and no last verified table",
                $"run `agentctl config check {inputs.ConfigPath}`, fix it, then `systemctl reload wgagent`")),
            _ => (KillswitchStatusState.Verified, null),
        };
    }

    private static string Posture(KillswitchStatusState state, StatusInputs inputs) => state switch
    {
        KillswitchStatusState.Verified => inputs.Policy is { } policy ? KillswitchPostureText.Describe(policy) : "computed from the config",
        KillswitchStatusState.FallbackLastGood => "the last verified table (last-good.nft), from an earlier config",
        KillswitchStatusState.BlockAll => "block-all: loopback only, everything else dropped or rejected",
        KillswitchStatusState.Missing => "none: nothing is filtered",
        _ => "unknown: the table in the kernel is not the one wgagent verified",
    };
}
