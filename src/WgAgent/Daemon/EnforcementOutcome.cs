using WgAgent.Core.Diagnostics;

namespace WgAgent.Daemon;

/// <summary>What a start or a reload did to the kill switch.</summary>
/// <param name="State">The table held afterwards (on a failed reload: the previous one).</param>
/// <param name="Applied">True when the config's computed table is verified in the kernel.</param>
/// <param name="Errors">Why it is not: the config's error diagnostics, or nft's refusal; empty when applied.</param>
public sealed record EnforcementOutcome(KillswitchState State, bool Applied, IReadOnlyList<Diagnostic> Errors);
