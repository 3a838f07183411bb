using WgAgent.Core.Config;

namespace WgAgent.Core.Firewall;

/// <summary>
/// Renders a <see cref="KillswitchPolicy"/> as the one nftables table wgagent owns, <c>inet wgagent</c>, and wraps it
/// in the atomic scripts that apply or remove it. Pure and deterministic: equal policies give the same bytes.
/// </summary>
/// <remarks>
/// <para>The text is written in nft's own listing format (nft(8), "nft list table"), rule comments included, so that
/// after loading it with <c>nft -f</c>, <c>nft list table inet wgagent</c> prints it back equal under
/// <see cref="NftListing.Normalize"/>: that comparison is how the applier verifies the kernel state.</para>
/// <para>Every base chain hooks at priority <c>filter</c>. nft semantics: a packet this table accepts still meets
/// every other table's chains on the same hook, while a drop here is final — wgagent can only take away, never open
/// what another firewall closes.</para>
/// <para>Conntrack: there is no blanket <c>ct state established accept</c>. A policy change must not let flows
/// opened under the old one live on (gluetun had to flush conntrack for exactly this), so every packet the host
/// sends in a flow it opened is judged by the current rules. Only replies are let through by state: on input the
/// replies to flows the host opened (the output chain decides whether those flows may continue), on output the
/// replies to flows the input chain accepted (<c>ct direction reply</c>: SSH answers on eth0 with
/// egress = "tunnel"), plus ICMP errors about them (<c>ct state related</c>). So no conntrack flush is needed after
/// applying.</para>
/// </remarks>
public static partial class NftRuleset
{
    /// <summary>The table's family: one table for IPv4 and IPv6.</summary>
    public const string Family = "inet";

    /// <summary>The only table wgagent touches.</summary>
    public const string TableName = "wgagent";

    private const string Wanted = $"table {Family} {TableName} {{}}\ndelete table {Family} {TableName}\n";

    /// <summary>Renders the table block, <c>table inet wgagent { ... }</c>, ending with a newline.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The table in nft's listing format: counters, then sets, then the input, output and forward chains.</returns>
    public static string RenderTable(KillswitchPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var writer = new NftWriter(Family, TableName);
        foreach (var counter in NftCounters.All)
        {
            writer.Counter(counter);
        }
        WriteSets(writer, policy);
        writer.Chain("input", "input", policyDrop: policy.Inbound == InboundMode.Restricted, InputRules(policy));
        writer.Chain("output", "output", policyDrop: policy.Egress == EgressMode.Tunnel, OutputRules(policy));
        writer.Chain("forward", "forward", policyDrop: policy.Forward == ForwardMode.Tunnel, ForwardRules(policy));
        return writer.ToString();
    }

    /// <summary>
    /// The fail-closed fallback when no policy can be built and no verified one is left: only loopback, everything
    /// else dropped (IPv4 and IPv6; input, output and forward). Output is rejected rather than silently dropped so
    /// local programs fail at once; nothing leaves the host either way. Declares every counter of
    /// <see cref="NftCounters"/>.
    /// </summary>
    public static string BlockAllTable { get; } = RenderBlockAll();

    /// <summary>
    /// One atomic nft script that replaces the table with <paramref name="table"/>: <c>table inet wgagent {}</c>
    /// (creates it if absent, so the delete cannot fail), <c>delete table inet wgagent</c>, then the table. nft
    /// applies a script as one transaction, so there is never a moment without the table.
    /// </summary>
    /// <param name="table">A table block, from <see cref="RenderTable"/> or <see cref="BlockAllTable"/>.</param>
    /// <returns>The script for <c>nft -f</c>.</returns>
    public static string Transaction(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Wanted + (table.EndsWith('\n') ? table : table + "\n");
    }

    /// <summary>The script that removes the table, also when it is absent.</summary>
    public static string DeleteTransaction => Wanted;

    private static string Comment(string rule, string why) => $"{rule} comment {NftSyntax.Quote(why)}";

    private static string RenderBlockAll()
    {
        var writer = new NftWriter(Family, TableName);
        foreach (var counter in NftCounters.All)
        {
            writer.Counter(counter);
        }
        writer.Chain("input", "input", policyDrop: true,
        [
            Comment("iifname \"lo\" accept", "loopback is always allowed"),
            Comment($"counter name \"{NftCounters.DroppedInput}\" drop", "block-all: no verified policy, nothing else in"),
        ]);
        writer.Chain("output", "output", policyDrop: true,
        [
            Comment("oifname \"lo\" accept", "loopback is always allowed"),
            Comment($"meta l4proto tcp counter name \"{NftCounters.RejectedOutput}\" reject with tcp reset",
                "block-all: no verified policy, nothing else out"),
            Comment($"counter name \"{NftCounters.RejectedOutput}\" reject with icmpx admin-prohibited",
                "block-all: no verified policy, nothing else out"),
        ]);
        writer.Chain("forward", "forward", policyDrop: true,
        [
            Comment($"counter name \"{NftCounters.DroppedForward}\" drop", "block-all: no verified policy, nothing forwarded"),
        ]);
        return writer.ToString();
    }
}
