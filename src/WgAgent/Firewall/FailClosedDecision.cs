using WgAgent.Core.Config;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Firewall;

namespace WgAgent.Firewall;

/// <summary>
/// The fail-closed rule of <c>killswitch up</c>, as a pure function: a valid config gives its computed table; any
/// error gives the last verified table, else block-all. Never "no table". Pure: the host reads the files and applies
/// the plan. (A candidate for WgAgent.Core/Firewall: it needs nothing of the host.)
/// </summary>
public static class FailClosedDecision
{
    private const string TablePrefix = "table " + NftRuleset.Family + " " + NftRuleset.TableName + " {";

    /// <summary>Decides which tables to try, in order.</summary>
    /// <param name="inputs">The files as read.</param>
    /// <returns>The plan: candidates ending with block-all, and every diagnostic (the cross-check's included).</returns>
    public static FailClosedPlan Decide(FailClosedInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var diagnostics = ReadDiagnostics(inputs);
        KillswitchPolicy? policy = null;
        string? table = null;
        if (!diagnostics.Any(d => d.IsError) && inputs.Config?.Config is { } config && inputs.Tunnel?.Config is { } tunnel)
        {
            try
            {
                policy = KillswitchPolicyBuilder.Build(config, tunnel);
                table = NftRuleset.RenderTable(policy);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                // A bug, not a config problem; but a kill switch must still close, so it becomes a reason to fall back.
                policy = null;
                diagnostics.Add(new Diagnostic(inputs.ConfigPath, 0, 0, DiagnosticSeverity.Error, null,
                    $"cannot compute the kill-switch table: {OneLine(e.Message)}", "this is a bug in wgagent: please report it with the config"));
            }
        }

        var lastGood = UsableLastGood(inputs, diagnostics);
        var candidates = new List<KillswitchCandidate>(3);
        if (table is not null)
        {
            candidates.Add(new KillswitchCandidate(KillswitchOutcome.Verified, table));
        }

        // Also behind a computed table: if nft rejects that one (a kernel without some feature), the last verified
        // table is a better fallback than block-all.
        // Equal text first: the common case (last-good is the table this config rendered last time), and normalizing
        // two 10k-element tables only to find them equal costs ~10 ms of a boot-time apply.
        if (lastGood is not null && (table is null
            || (!string.Equals(lastGood.Table, table, StringComparison.Ordinal) && !NftListing.Matches(lastGood.Table, table))))
        {
            candidates.Add(new KillswitchCandidate(KillswitchOutcome.FallbackLastGood, lastGood.Table, lastGood.SavedAt));
        }

        candidates.Add(new KillswitchCandidate(KillswitchOutcome.BlockAll, NftRuleset.BlockAllTable));
        return new FailClosedPlan(candidates, diagnostics, policy);
    }

    /// <summary>
    /// True when <paramref name="text"/> is one <c>table inet wgagent { ... }</c> block and nothing else, as wgagent
    /// writes it (nft's listing format: everything inside indented). A file that would touch anything outside the
    /// table (a <c>flush ruleset</c>, another table) is refused before nft ever sees it.
    /// </summary>
    /// <param name="text">The stored text.</param>
    /// <returns>Whether it may be loaded as the last-good table.</returns>
    public static bool IsSingleWgAgentTable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Trim().Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd() != TablePrefix || lines[^1].TrimEnd() != "}")
        {
            return false;
        }

        return lines[1..^1].All(line => line.Trim().Length == 0 || char.IsWhiteSpace(line[0]));
    }

    private static List<Diagnostic> ReadDiagnostics(FailClosedInputs inputs)
    {
        var diagnostics = new List<Diagnostic>();
        if (inputs.Config is not { } read)
        {
            diagnostics.Add(new Diagnostic(inputs.ConfigPath, 0, 0, DiagnosticSeverity.Error, null,
                $"cannot read the agent config: {OneLine(inputs.ConfigReadError ?? "unknown error")}",
                "create it (the package ships one with safe defaults) or pass --config PATH"));
            return diagnostics;
        }

        diagnostics.AddRange(read.Diagnostics);
        if (inputs.Tunnel is { } tunnel)
        {
            diagnostics.AddRange(tunnel.Diagnostics);
        }
        else if (read.Config is not null)
        {
            // Only for a valid agent config: a broken one may not have named its tunnel file yet, and "cannot read
            // /etc/wireguard/wg0.conf" about a default path would only mislead.
            diagnostics.Add(new Diagnostic(read.WireGuardConfigPath, 0, 0, DiagnosticSeverity.Error, null,
                $"cannot read the WireGuard config: {OneLine(inputs.TunnelReadError ?? "unknown error")}",
                "check wireguard.config in the agent config; the kill switch needs the tunnel's addresses, port and endpoints"));
        }

        if (read.Config is { } config && inputs.Tunnel?.Config is { } wg)
        {
            diagnostics.AddRange(ConfigCrossCheck.Check(config, read.SourcePath, wg));
        }

        return diagnostics;
    }

    private static LastGoodRuleset? UsableLastGood(FailClosedInputs inputs, List<Diagnostic> diagnostics)
    {
        if (inputs.LastGoodReadError is { } error)
        {
            diagnostics.Add(new Diagnostic(inputs.LastGoodPath, 0, 0, DiagnosticSeverity.Warning, null,
                $"cannot read the last verified ruleset: {OneLine(error)}", "it is ignored; the next verified apply rewrites it"));
            return null;
        }

        if (inputs.LastGood is { } lastGood && !IsSingleWgAgentTable(lastGood.Table))
        {
            diagnostics.Add(new Diagnostic(inputs.LastGoodPath, 0, 0, DiagnosticSeverity.Warning, null,
                "is not a single \"table inet wgagent\" block as wgagent writes it", "it is ignored; the next verified apply rewrites it"));
            return null;
        }

        return inputs.LastGood;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
