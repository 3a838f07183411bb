namespace WgAgent.Firewall;

/// <summary>One table <c>killswitch up</c> may put in place.</summary>
/// <param name="Outcome">Which kind of table it is.</param>
/// <param name="Table">The table block.</param>
/// <param name="SavedAt">For <see cref="KillswitchOutcome.FallbackLastGood"/>: when it was verified and stored.</param>
public sealed record KillswitchCandidate(KillswitchOutcome Outcome, string Table, DateTimeOffset? SavedAt = null);
