using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.Net;
using WgAgent.Firewall;

namespace WgAgent.Daemon;

/// <summary>The table the daemon keeps in the kernel and the files it came from.</summary>
/// <param name="Table">The nft text of table inet wgagent as applied and verified; null when no table could be verified.</param>
/// <param name="Outcome">Which kind of table it is (computed, last good, block-all).</param>
/// <param name="Config">The config it was computed from; null when the config is broken (a fallback table).</param>
/// <param name="TunnelAddresses">The <c>Address</c> lines of the wg-quick file read with it (empty when unreadable).</param>
/// <param name="Summary">For the STATUS= line and the log, e.g. <c>kill switch verified</c>.</param>
/// <param name="AppliedAt">When the table was last put in place or found in place; null before.</param>
/// <param name="Policy">The policy the computed table renders; null for a fallback table.</param>
public sealed record KillswitchState(
    string? Table,
    KillswitchOutcome Outcome,
    AgentConfig? Config,
    IReadOnlyList<IpNetwork> TunnelAddresses,
    string Summary,
    DateTimeOffset? AppliedAt,
    KillswitchPolicy? Policy = null)
{
    /// <summary>Before anything was applied.</summary>
    public static KillswitchState Initial { get; } = new(null, KillswitchOutcome.BlockAll, null, [], "kill switch NOT verified", null);

    /// <summary>True when the computed table of a good config is verified in the kernel.</summary>
    public bool IsVerified => Table is not null && Outcome == KillswitchOutcome.Verified;
}
