using WgAgent.Core.Firewall;
using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Decision;

/// <summary>Every branch of the fail-closed rule: computed, else last-good, else block-all; never nothing.</summary>
public class FailClosedDecisionTests
{
    private const string LastGood = "table inet wgagent {\n\tchain output {\n\t\ttype filter hook output priority filter; policy drop;\n\t}\n}\n";

    private static string Computed()
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From());
        return plan.Candidates[0].Table;
    }

    [Fact]
    public void Decide_ValidConfigNoLastGood_ComputedThenBlockAll()
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From());

        Assert.Equal(KillswitchOutcome.Verified, plan.Outcome);
        Assert.Equal([KillswitchOutcome.Verified, KillswitchOutcome.BlockAll], plan.Candidates.Select(c => c.Outcome));
        Assert.NotNull(plan.Policy);
        Assert.Equal(NftRuleset.RenderTable(plan.Policy), plan.Candidates[0].Table);
        Assert.False(plan.HasErrors);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Decide_ValidConfigWithOtherLastGood_LastGoodIsTheSecondChance()
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From(lastGood: LastGood));

        Assert.Equal([KillswitchOutcome.Verified, KillswitchOutcome.FallbackLastGood, KillswitchOutcome.BlockAll],
            plan.Candidates.Select(c => c.Outcome));
        Assert.Equal(LastGood, plan.Candidates[1].Table);
        Assert.Equal(DecisionInputs.SavedAt, plan.Candidates[1].SavedAt);
    }

    [Fact]
    public void Decide_ValidConfigLastGoodIsTheSameTable_NotTriedTwice()
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From(lastGood: Computed()));

        Assert.Equal([KillswitchOutcome.Verified, KillswitchOutcome.BlockAll], plan.Candidates.Select(c => c.Outcome));
    }

    [Fact]
    public void Decide_WarningsOnly_StillVerified()
    {
        // A scraper outside every peer's AllowedIPs is a cross-check warning, not an error.
        var agent = TestConfigs.Agent(DecisionInputs.TunnelPath).Replace("10.77.0.1\"]", "10.99.0.1\"]", StringComparison.Ordinal);

        var plan = FailClosedDecision.Decide(DecisionInputs.From(agent: agent));

        Assert.Equal(KillswitchOutcome.Verified, plan.Outcome);
        Assert.Contains(plan.Diagnostics, d => !d.IsError && d.KeyPath == "exporter[0].scrapers[0]");
    }

    public static TheoryData<string, FailClosedInputs, string> BrokenConfigs => new()
    {
        { "agent unreadable", DecisionInputs.From(agentReadError: "permission denied"), "/etc/wgagent.toml: error: cannot read the agent config: permission denied" },
        { "agent syntax", DecisionInputs.From(agent: TestConfigs.BrokenSyntax), "/etc/wgagent.toml:3:" },
        { "agent value", DecisionInputs.From(agent: TestConfigs.BrokenValue(DecisionInputs.TunnelPath)), "error: killswitch.egress:" },
        { "tunnel unreadable", DecisionInputs.From(tunnelReadError: "no such file"), "/etc/wireguard/wg0.conf: error: cannot read the WireGuard config: no such file" },
        { "tunnel invalid", DecisionInputs.From(tunnel: TestConfigs.Tunnel().Replace("ListenPort = 51820", "ListenPort = 99999", StringComparison.Ordinal)), "/etc/wireguard/wg0.conf:" },
        { "cross-check", DecisionInputs.From(tunnel: TestConfigs.Tunnel(fwMark: "")), "error: killswitch.egress: egress = \"tunnel\" needs" },
    };

    [Theory]
    [MemberData(nameof(BrokenConfigs))]
    public void Decide_BrokenWithLastGood_LastGoodThenBlockAll(string why, FailClosedInputs inputs, string diagnostic)
    {
        var plan = FailClosedDecision.Decide(inputs with { LastGood = new LastGoodRuleset(LastGood, DecisionInputs.SavedAt) });

        Assert.True(plan.HasErrors, why);
        Assert.Equal([KillswitchOutcome.FallbackLastGood, KillswitchOutcome.BlockAll], plan.Candidates.Select(c => c.Outcome));
        Assert.Equal(LastGood, plan.Candidates[0].Table);
        Assert.Null(plan.Policy);
        Assert.Contains(plan.Diagnostics, d => d.IsError && d.Format(includeHint: false).Contains(diagnostic, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BrokenConfigs))]
    public void Decide_BrokenWithoutLastGood_BlockAllOnly(string why, FailClosedInputs inputs, string diagnostic)
    {
        var plan = FailClosedDecision.Decide(inputs);

        Assert.True(plan.HasErrors, why);
        var only = Assert.Single(plan.Candidates);
        Assert.Equal(KillswitchOutcome.BlockAll, only.Outcome);
        Assert.Equal(NftRuleset.BlockAllTable, only.Table);
        Assert.Contains(plan.Diagnostics, d => d.Format(includeHint: false).Contains(diagnostic, StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_AgentSyntaxError_NoNoiseAboutTheDefaultTunnelPath()
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From(agent: TestConfigs.BrokenSyntax, tunnelReadError: "no such file"));

        Assert.DoesNotContain(plan.Diagnostics, d => d.SourcePath == DecisionInputs.TunnelPath);
    }

    [Fact]
    public void Decide_LastGoodUnreadable_WarnsAndFallsToBlockAll()
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From(agent: TestConfigs.BrokenSyntax, lastGoodReadError: "Permission denied"));

        Assert.Equal(KillswitchOutcome.BlockAll, plan.Outcome);
        Assert.Contains(plan.Diagnostics, d => !d.IsError && d.SourcePath == DecisionInputs.LastGoodPath
            && d.Message == "cannot read the last verified ruleset: Permission denied");
    }

    [Theory]
    [InlineData("")]
    [InlineData("flush ruleset\n")]
    [InlineData("table inet wgagent {\n}\ntable ip filter {\n}\n")]
    [InlineData("table inet wgagent {\nflush ruleset\n}\n")]
    [InlineData("table inet other {\n\tchain c {\n\t}\n}\n")]
    [InlineData("table inet wgagent {\n\tchain c {\n\t}\n")]
    public void Decide_LastGoodNotASingleWgAgentTable_IgnoredWithWarning(string stored)
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From(agent: TestConfigs.BrokenSyntax, lastGood: stored));

        Assert.Equal(KillswitchOutcome.BlockAll, plan.Outcome);
        Assert.Contains(plan.Diagnostics, d => !d.IsError && d.SourcePath == DecisionInputs.LastGoodPath);
    }

    [Fact]
    public void IsSingleWgAgentTable_RenderedTablesAndBlockAll_Accepted()
    {
        Assert.True(FailClosedDecision.IsSingleWgAgentTable(Computed()));
        Assert.True(FailClosedDecision.IsSingleWgAgentTable(NftRuleset.BlockAllTable));
        Assert.True(FailClosedDecision.IsSingleWgAgentTable(LastGood));
    }

    [Fact]
    public void Decide_AnyInput_LastCandidateIsAlwaysBlockAll()
    {
        FailClosedInputs[] all =
        [
            DecisionInputs.From(), DecisionInputs.From(lastGood: LastGood), DecisionInputs.From(agentReadError: "x"),
            DecisionInputs.From(agent: TestConfigs.BrokenSyntax, lastGood: LastGood), DecisionInputs.From(tunnelReadError: "x"),
        ];

        Assert.All(all, inputs => Assert.Equal(NftRuleset.BlockAllTable, FailClosedDecision.Decide(inputs).Candidates[^1].Table));
    }
}
