namespace WgAgent.Firewall;

/// <summary>The table last verified in the kernel, as stored in <c>last-good.nft</c>.</summary>
/// <param name="Table">The table block (<c>table inet wgagent { ... }</c>), exactly as it was applied.</param>
/// <param name="SavedAt">When it was stored (the file's modification time), for "loaded the ruleset from TIME".</param>
public sealed record LastGoodRuleset(string Table, DateTimeOffset SavedAt);
