using Microsoft.Extensions.Logging;
using WgAgent.Core.Diagnostics;
using WgAgent.Firewall;

namespace WgAgent.Daemon;

/// <summary>
/// The daemon's hold on table inet wgagent. Start applies it exactly like <c>wgagent killswitch up</c> (computed table,
/// else the last verified one, else block-all); reload applies a good config and keeps the current table when the
/// config is broken; verify puts the current table back when something removed or changed it. One lock around all
/// three, so a repair never re-applies a table a reload has just replaced.
/// </summary>
public sealed class KillswitchEnforcer
{
    private readonly string configPath;
    private readonly LastGoodStore store;
    private readonly KillswitchApplier applier;
    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim gate = new(1, 1);
    private KillswitchState state = KillswitchState.Initial;
    private long repairs;

    /// <summary>Creates the enforcer.</summary>
    /// <param name="configPath">The agent config.</param>
    /// <param name="store">Where last-good.nft lives.</param>
    /// <param name="nftables">The nftables backend.</param>
    /// <param name="logger">Where diagnostics and repairs go.</param>
    /// <param name="clock">For <see cref="KillswitchState.AppliedAt"/>.</param>
    public KillswitchEnforcer(string configPath, LastGoodStore store, INftables nftables, ILogger logger, TimeProvider? clock = null)
    {
        this.configPath = configPath;
        this.store = store;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
        applier = new KillswitchApplier(nftables, store);
    }

    /// <summary>The table held now.</summary>
    public KillswitchState Current => Volatile.Read(ref state);

    /// <summary>How often the table had to be put back since start.</summary>
    public long Repairs => Interlocked.Read(ref repairs);

    /// <summary>Reads the config and loads the strictest table that verifies, as <c>killswitch up</c> does.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What is in place, and the config's errors when it is a fallback.</returns>
    public async Task<EnforcementOutcome> StartAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (plan, inputs) = Read();
            var config = plan.HasErrors ? null : inputs.Config?.Config;
            IReadOnlyList<Diagnostic> errors = plan.Diagnostics.Where(d => d.IsError).ToList();
            foreach (var candidate in plan.Candidates)
            {
                var verified = candidate.Outcome == KillswitchOutcome.Verified;
                KillswitchApplyResult result;
                try
                {
                    result = await applier.ApplyAsync(candidate.Table, verified, cancellationToken).ConfigureAwait(false);
                }
                catch (NftablesException e)
                {
                    logger.LogCritical("kill switch: nftables is not usable: {Problem}; wgagent-killswitch.service's table (if any) stays", e.Message);
                    return new EnforcementOutcome(Current, false, [.. errors, Problem($"nftables is not usable: {e.Message}")]);
                }

                LogSaveWarning(result);
                if (result.Status == KillswitchApplyStatus.Rejected)
                {
                    logger.LogError("kill switch: nft rejected the {Outcome} table: {Problem}", candidate.Outcome, result.Problem);
                    continue;
                }

                var summary = result.IsVerified ? Describe(candidate.Outcome) : $"kill switch NOT verified ({result.Problem})";
                var held = new KillswitchState(candidate.Table, candidate.Outcome, verified ? config : null, TunnelAddresses(inputs), summary,
                    clock.GetUtcNow(), verified ? plan.Policy : null);
                Volatile.Write(ref state, held);
                LogOutcome(held, result);
                return new EnforcementOutcome(held, held.IsVerified, held.IsVerified ? [] : errors.Count > 0 ? errors : [Problem(summary)]);
            }

            logger.LogCritical("kill switch: FAILED: nft rejected every table, block-all included: this host is NOT protected");
            return new EnforcementOutcome(Current, false, [.. errors, Problem("nft rejected every table, block-all included: this host is NOT protected")]);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Re-reads both files; applies a good config, keeps the current table when it is broken.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The state afterwards and, when the new config was not applied, why.</returns>
    public async Task<EnforcementOutcome> ReloadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (plan, inputs) = Read();
            if (plan.HasErrors || plan.Outcome != KillswitchOutcome.Verified || inputs.Config?.Config is not { } config)
            {
                logger.LogError("reload: {Path} or its WireGuard config is broken; the current table ({Summary}) is kept", configPath, Current.Summary);
                var errors = plan.Diagnostics.Where(d => d.IsError).ToList();
                return new EnforcementOutcome(Current, false, errors.Count > 0 ? errors : [Problem($"{configPath} could not be used")]);
            }

            var computed = plan.Candidates[0];
            KillswitchApplyResult result;
            try
            {
                result = await applier.ApplyAsync(computed.Table, rememberAsLastGood: true, cancellationToken).ConfigureAwait(false);
            }
            catch (NftablesException e)
            {
                logger.LogError("reload: nftables is not usable: {Problem}; the current table is kept", e.Message);
                return new EnforcementOutcome(Current, false, [Problem($"nftables is not usable: {e.Message}")]);
            }

            LogSaveWarning(result);
            if (!result.IsVerified)
            {
                // Rejected: nft changed nothing. Mismatch: our table, but not as computed; report it, keep going.
                logger.LogError("reload: the new table is {Status}: {Problem}; table inet wgagent is left as it is", result.Status, result.Problem);
                return new EnforcementOutcome(Current, false, [Problem($"the new table was {result.Status.ToString().ToLowerInvariant()}: {result.Problem}")]);
            }

            var held = new KillswitchState(computed.Table, KillswitchOutcome.Verified, config, TunnelAddresses(inputs), Describe(KillswitchOutcome.Verified),
                clock.GetUtcNow(), plan.Policy);
            Volatile.Write(ref state, held);
            LogOutcome(held, result);
            return new EnforcementOutcome(held, true, []);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Checks the kernel's table against the one held and re-applies it when it is missing or differs.</summary>
    /// <param name="reason">What prompted the check, for the log.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>True when it had to be repaired (or a repair was attempted).</returns>
    public async Task<bool> VerifyAsync(string reason, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Current.Table is not { } table)
            {
                return false;
            }

            KillswitchApplyResult result;
            try
            {
                result = await applier.ApplyAsync(table, rememberAsLastGood: false, cancellationToken).ConfigureAwait(false);
            }
            catch (NftablesException e)
            {
                logger.LogError("kill switch: could not check table inet wgagent ({Reason}): {Problem}", reason, e.Message);
                return false;
            }

            switch (result.Status)
            {
                case KillswitchApplyStatus.AlreadyInPlace:
                    return false;
                case KillswitchApplyStatus.Applied:
                    Interlocked.Increment(ref repairs);
                    Volatile.Write(ref state, Current with { AppliedAt = clock.GetUtcNow() });
                    logger.LogWarning("kill switch: table inet wgagent was missing or altered ({Reason}); repaired and verified", reason);
                    return true;
                default:
                    Interlocked.Increment(ref repairs);
                    logger.LogError("kill switch: table inet wgagent was missing or altered ({Reason}); repair {Status}: {Problem}",
                        reason, result.Status, result.Problem);
                    return true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private (FailClosedPlan Plan, FailClosedInputs Inputs) Read()
    {
        var inputs = FailClosedInputsReader.Read(configPath, store);
        var plan = FailClosedDecision.Decide(inputs);
        foreach (var diagnostic in plan.Diagnostics)
        {
            var text = diagnostic.Format(includeHint: true);
            if (diagnostic.IsError)
            {
                logger.LogError("{Diagnostic}", text);
            }
            else
            {
                logger.LogWarning("{Diagnostic}", text);
            }
        }

        return (plan, inputs);
    }

    // A diagnostic is one line; nft's messages can span several.
    private Diagnostic Problem(string message) =>
        new(configPath, 0, 0, DiagnosticSeverity.Error, null, string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    private static IReadOnlyList<Core.Net.IpNetwork> TunnelAddresses(FailClosedInputs inputs) => inputs.Tunnel?.Config?.Interface.Addresses ?? [];

    private static string Describe(KillswitchOutcome outcome) => outcome switch
    {
        KillswitchOutcome.Verified => "kill switch verified",
        KillswitchOutcome.FallbackLastGood => "kill switch: last verified table (config broken)",
        _ => "kill switch: block-all (config broken)",
    };

    private void LogOutcome(KillswitchState held, KillswitchApplyResult result)
    {
        var already = result.Status == KillswitchApplyStatus.AlreadyInPlace ? " (already in place)" : "";
        if (held.IsVerified)
        {
            logger.LogInformation("{Summary}{Already}", held.Summary, already);
        }
        else
        {
            logger.LogError("{Summary}{Already}: fix {Path} (`{Hint}`), then `systemctl reload wgagent`", held.Summary, already, configPath,
                DaemonStatusText.ConfigCheckHint);
        }
    }

    private void LogSaveWarning(KillswitchApplyResult result)
    {
        if (result.LastGoodError is { } error)
        {
            logger.LogWarning("kill switch: {Error}; a later broken config would fall back to an older ruleset or block-all", error);
        }
    }
}
