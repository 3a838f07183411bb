using WgAgent.Core.Status;
using System.CommandLine;
using System.Globalization;
using WgAgent.Firewall;

namespace WgAgent.Commands;

/// <summary>
/// <c>wgagent killswitch up [--config PATH]</c>: computes the table from the config, applies it in one transaction and
/// verifies it. When the config is broken it prints every diagnostic, then loads the last verified table, else
/// block-all, and says so loudly. Exit 0 only when some fail-closed table is verified in the kernel.
/// </summary>
internal static class KillswitchUpCommand
{
    private const string Verb = "kill switch";

    public static Command Build()
    {
        var config = CommandOptions.Config();
        var stateDirectory = CommandOptions.StateDirectory();
        var nft = CommandOptions.Nft();
        var command = new Command("up", "Compute the kill-switch table, apply it atomically and verify it; on a broken config load the last verified table, else block-all.")
        {
            config,
            stateDirectory,
            nft,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandFailure.GuardAsync(Verb, error, () => RunAsync(
                parseResult.GetValue(config)!,
                LastGoodStore.ResolveDirectory(parseResult.GetValue(stateDirectory), Environment.GetEnvironmentVariable("STATE_DIRECTORY")),
                CommandOptions.CreateNftables(parseResult.GetValue(nft)),
                output, error, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(string configPath, string stateDirectory, INftables nftables, TextWriter output,
        TextWriter error, CancellationToken cancellationToken)
    {
        var store = new LastGoodStore(stateDirectory);
        var plan = FailClosedDecision.Decide(FailClosedInputsReader.Read(configPath, store));
        foreach (var diagnostic in plan.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.Format(includeHint: true)).ConfigureAwait(false);
        }

        var applier = new KillswitchApplier(nftables, store);
        var computedRejected = false;
        foreach (var candidate in plan.Candidates)
        {
            var result = await applier.ApplyAsync(candidate.Table, candidate.Outcome == KillswitchOutcome.Verified, cancellationToken)
                .ConfigureAwait(false);
            switch (result.Status)
            {
                case KillswitchApplyStatus.Rejected:
                    // nft refused the whole transaction, so nothing changed: try the next, stricter table.
                    await error.WriteLineAsync($"wgagent: {Verb}: nft rejected the {Name(candidate.Outcome)} table:\n{Indent(result.Problem)}")
                        .ConfigureAwait(false);
                    computedRejected |= candidate.Outcome == KillswitchOutcome.Verified;
                    continue;
                case KillswitchApplyStatus.Mismatch:
                    // Left in place: it is still our closed table; replacing it with another unverifiable one gains nothing.
                    await error.WriteLineAsync(CommandFailure.Format(Verb,
                        $"NOT verified: table inet wgagent as listed differs from the {Name(candidate.Outcome)} table ({result.Problem}); it is left in place",
                        "something else may be rewriting table inet wgagent; compare with `nft list table inet wgagent`")).ConfigureAwait(false);
                    return CommandFailure.ExitCode;
                default:
                    await ReportAsync(plan, candidate, result, computedRejected, output, error).ConfigureAwait(false);
                    return 0;
            }
        }

        await error.WriteLineAsync(CommandFailure.Format(Verb, "FAILED: nft rejected every table, block-all included: this host is NOT protected",
            "check that the kernel has nf_tables (inet family, reject) and that nothing else holds table inet wgagent")).ConfigureAwait(false);
        return CommandFailure.ExitCode;
    }

    private static async Task ReportAsync(FailClosedPlan plan, KillswitchCandidate candidate, KillswitchApplyResult result,
        bool computedRejected, TextWriter output, TextWriter error)
    {
        var already = result.Status == KillswitchApplyStatus.AlreadyInPlace ? " (already in place)" : "";
        var why = computedRejected ? "the computed table was rejected" : "config broken";
        switch (candidate.Outcome)
        {
            case KillswitchOutcome.Verified:
                await output.WriteLineAsync($"wgagent: kill switch verified: {KillswitchPostureText.Describe(plan.Policy!)}{already}").ConfigureAwait(false);
                break;
            case KillswitchOutcome.FallbackLastGood:
                var savedAt = candidate.SavedAt?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown time";
                await error.WriteLineAsync($"wgagent: {Verb}: {why} — loaded the last verified ruleset (from {savedAt}) instead{already}")
                    .ConfigureAwait(false);
                break;
            default:
                await error.WriteLineAsync($"wgagent: {Verb}: {why} — loaded block-all (loopback only): nothing but loopback passes until the " +
                    $"{(computedRejected ? "problem above" : "config")} is fixed{already}").ConfigureAwait(false);
                break;
        }

        if (result.LastGoodError is { } saveError)
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, $"warning: {saveError}",
                "the table is in place; but a later broken config would fall back to an older ruleset or block-all")).ConfigureAwait(false);
        }
    }

    private static string Name(KillswitchOutcome outcome) => outcome switch
    {
        KillswitchOutcome.Verified => "computed",
        KillswitchOutcome.FallbackLastGood => "last verified",
        _ => "block-all",
    };

    private static string Indent(string? text) =>
        string.Join('\n', (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "  " + line.TrimEnd()));
}
