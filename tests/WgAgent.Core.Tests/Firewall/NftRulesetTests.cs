using System.Text;
using System.Text.RegularExpressions;
using WgAgent.Core.Firewall;

namespace WgAgent.Core.Tests.Firewall;

public sealed class NftRulesetTests
{
    public static TheoryData<string> AllTables() =>
        [.. Posture.All.Select(p => p.Name).Concat(EdgeCases.All.Keys).Append(EdgeCases.BlockAll)];

    private static string Table(string name) => name == EdgeCases.BlockAll
        ? NftRuleset.BlockAllTable
        : EdgeCases.All.TryGetValue(name, out var edge) ? edge().Render() : Posture.All.Single(p => p.Name == name).Input.Render();

    private static string[] Chain(string table, string chain)
    {
        var lines = table.Split('\n').Select(l => l.Trim()).ToList();
        var start = lines.IndexOf($"chain {chain} {{");
        return [.. lines.Skip(start + 2).TakeWhile(l => l != "}")];
    }

    private static int IndexOf(string[] rules, string fragment) => Array.FindIndex(rules, r => r.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void RenderTable_SamePolicyTwice_SameBytes()
    {
        var posture = Posture.All.Single(p => p.Name == "egress-tunnel.inbound-restricted.ipv6-tunnel.forward-tunnel.full");

        Assert.Equal(posture.Input.Render(), posture.Input.Render());
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void RenderTable_AnyPosture_DeclaresEveryCounterOnlyTable(string name)
    {
        var table = Table(name);

        Assert.StartsWith("table inet wgagent {\n", table, StringComparison.Ordinal);
        Assert.Equal(1, table.Split('\n').Count(l => l.StartsWith("table ", StringComparison.Ordinal)));
        Assert.All(NftCounters.All, counter => Assert.Contains($"\tcounter {counter} {{\n", table, StringComparison.Ordinal));
        Assert.All(["input", "output", "forward"], hook => Assert.Contains($"type filter hook {hook} priority filter;", table, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void RenderTable_AnyPosture_LoopbackAcceptedFirst(string name)
    {
        var table = Table(name);

        Assert.StartsWith("iifname \"lo\" accept", Chain(table, "input")[0], StringComparison.Ordinal);
        Assert.StartsWith("oifname \"lo\" accept", Chain(table, "output")[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void RenderTable_AnyPosture_EstablishedOnlyAcceptedForReplies(string name)
    {
        // A blanket "ct state established accept" would let flows opened under an older posture live on.
        var rules = Table(name).Split('\n').Where(l => l.Contains("ct state established", StringComparison.Ordinal)).ToList();

        Assert.All(rules, rule => Assert.Contains("ct direction reply", rule, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void RenderTable_AnyPosture_AntiSpoofAndExporterDropComeBeforeEveryOtherAccept(string name)
    {
        var input = Chain(Table(name), "input");
        var lastGuard = Math.Max(IndexOf(input, "@" + NftSets.ExporterPorts), IndexOf(input, NftCounters.DroppedSpoofed));
        var firstOtherAccept = Array.FindIndex(input, 1, r => r.Contains(" accept", StringComparison.Ordinal)
            && !Regex.IsMatch(r, "^iifname \"[^\"]+\" ip6? saddr @exporter_[a-z0-9_-]+_scrapers_v[46] tcp dport "));

        Assert.True(firstOtherAccept < 0 || lastGuard < firstOtherAccept, string.Join('\n', input));
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void RenderTable_AnyPosture_CommentsFitNftsLimit(string name)
    {
        // nft refuses comments over 128 bytes (NFTNL_UDATA_COMMENT_MAXLEN).
        var comments = Table(name).Split("comment \"").Skip(1).Select(c => c[..c.IndexOf('"', StringComparison.Ordinal)]);

        Assert.All(comments, c => Assert.InRange(Encoding.UTF8.GetByteCount(c), 1, 127));
    }

    [Fact]
    public void RenderTable_EgressTunnel_DnsRejectedBeforeLanAndEverythingElseRejected()
    {
        var output = Chain(Posture.All.Single(p => p.Name == "egress-tunnel.inbound-open.ipv6-tunnel.forward-open.full").Input.Render(), "output");

        Assert.True(IndexOf(output, NftCounters.RejectedDns) < IndexOf(output, "@" + NftSets.AllowLanV4));
        Assert.True(IndexOf(output, "@" + NftSets.DnsV4) < IndexOf(output, NftCounters.RejectedDns));
        Assert.Equal("counter name \"rejected_output\" reject with icmpx admin-prohibited comment \"egress = tunnel: nothing else\"", output[^1]);
        Assert.Contains(output, r => r.StartsWith("meta mark 0x0000ca6c ip daddr . udp dport @wireguard_endpoints_v4 accept", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderTable_Exporters_OneRulePerExporterAndFamilyWithItsPortAndMetrics()
    {
        var input = Chain(Table("egress-open.inbound-open.ipv6-tunnel.forward-open.full"), "input");

        Assert.Equal(
        [
            "iifname \"wg0\" ip saddr @exporter_node_scrapers_v4 tcp dport { 9100, 9586 } accept",
            "iifname \"wg0\" ip saddr @exporter_blackbox_scrapers_v4 tcp dport { 9115, 9586 } accept",
            "iifname \"wg0\" ip6 saddr @exporter_node_scrapers_v6 tcp dport { 9100, 9586 } accept",
            "tcp dport @exporter_ports counter name \"dropped_exporter\" drop",
        ], input.Skip(3).Take(4).Select(r => r[..r.IndexOf(" comment ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void RenderTable_ScraperAndLanSets_IntervalOnlyWhenHoldingANetwork()
    {
        var table = Table("edge.normalized-inputs");

        Assert.Contains("set exporter_node_scrapers_v4 {\n\t\ttype ipv4_addr\n\t\tflags interval\n", table, StringComparison.Ordinal);
        Assert.Contains("set exporter_pg-15_main_scrapers_v4 {\n\t\ttype ipv4_addr\n\t\telements = { 10.77.0.5 }\n", table, StringComparison.Ordinal);
        Assert.Contains("set allow_lan_v4 {\n\t\ttype ipv4_addr\n\t\tflags interval\n", table, StringComparison.Ordinal);
        Assert.Contains("set allow_lan_v6 {\n\t\ttype ipv6_addr\n\t\telements = { ::1.2.3.4,\n", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("egress-open.inbound-open.ipv6-tunnel.forward-open.full", "accept", "accept", "accept")]
    [InlineData("egress-tunnel.inbound-open.ipv6-tunnel.forward-open.bare", "accept", "drop", "accept")]
    [InlineData("egress-open.inbound-restricted.ipv6-block.forward-tunnel.bare", "drop", "accept", "drop")]
    public void RenderTable_Posture_ChainPolicies(string name, string input, string output, string forward)
    {
        var table = Table(name);

        Assert.Contains($"hook input priority filter; policy {input};", table, StringComparison.Ordinal);
        Assert.Contains($"hook output priority filter; policy {output};", table, StringComparison.Ordinal);
        Assert.Contains($"hook forward priority filter; policy {forward};", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("full", true)]
    [InlineData("bare", false)]
    public void RenderTable_Ipv6Block_NoIPv6SetAndIPv6DroppedSecond(string variant, bool _)
    {
        var table = Table($"egress-tunnel.inbound-restricted.ipv6-block.forward-tunnel.{variant}");

        Assert.DoesNotContain("ipv6_addr", table, StringComparison.Ordinal);
        Assert.DoesNotContain("icmpv6", table, StringComparison.Ordinal);
        Assert.StartsWith("meta nfproto ipv6 ", Chain(table, "input")[1], StringComparison.Ordinal);
        Assert.StartsWith("meta nfproto ipv6 ", Chain(table, "output")[1], StringComparison.Ordinal);
        Assert.StartsWith("meta nfproto ipv6 ", Chain(table, "forward")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void BlockAllTable_Always_OnlyLoopbackAccepted()
    {
        var accepts = NftRuleset.BlockAllTable.Split('\n').Where(l => l.Contains(" accept", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        Assert.Equal(2, accepts.Count);
        Assert.All(accepts, a => Assert.Matches("^[io]ifname \"lo\" accept ", a));
        Assert.Equal(3, NftRuleset.BlockAllTable.Split("policy drop;").Length - 1);
    }

    [Fact]
    public void Transaction_Table_CreatesDeletesThenAddsIt()
    {
        var script = NftRuleset.Transaction(NftRuleset.BlockAllTable);

        Assert.Equal("table inet wgagent {}\ndelete table inet wgagent\n" + NftRuleset.BlockAllTable, script);
    }

    [Fact]
    public void Transaction_TableWithoutNewline_EndsWithNewline()
    {
        Assert.EndsWith("}\n", NftRuleset.Transaction("table inet wgagent {\n}"), StringComparison.Ordinal);
    }

    [Fact]
    public void DeleteTransaction_Always_CreatesThenDeletes()
    {
        Assert.Equal("table inet wgagent {}\ndelete table inet wgagent\n", NftRuleset.DeleteTransaction);
    }
}
