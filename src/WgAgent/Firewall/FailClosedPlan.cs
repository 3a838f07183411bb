using WgAgent.Core.Diagnostics;
using WgAgent.Core.Firewall;

namespace WgAgent.Firewall;

/// <summary>
/// What <c>killswitch up</c> should put in place: the candidates in order (try the next only when nft rejects one),
/// and every diagnostic that led there. The last candidate is always block-all, so there is never "nothing".
/// </summary>
/// <param name="Candidates">The tables to try, best first; never empty, always ending with block-all.</param>
/// <param name="Diagnostics">Every error and warning about the config files and last-good.nft.</param>
/// <param name="Policy">The computed policy when the config is valid; null otherwise.</param>
public sealed record FailClosedPlan(IReadOnlyList<KillswitchCandidate> Candidates, IReadOnlyList<Diagnostic> Diagnostics,
    KillswitchPolicy? Policy)
{
    /// <summary>The decision: the first candidate's kind.</summary>
    public KillswitchOutcome Outcome => Candidates[0].Outcome;

    /// <summary>True when the config is broken (any error): the computed table is not among the candidates.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
