using WgAgent.Core.Status;
using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Decision;

public class PostureTextTests
{
    [Theory]
    [InlineData("tunnel", "restricted", "egress tunnel, inbound restricted, forward open, ipv6 tunnel; only via wg0: node 9100, wgagent-metrics 9586")]
    [InlineData("open", "open", "egress open, inbound open, forward open, ipv6 tunnel; only via wg0: node 9100, wgagent-metrics 9586")]
    public void Describe_Policy_OneLineInTheConfigsWords(string egress, string inbound, string expected)
    {
        var plan = FailClosedDecision.Decide(DecisionInputs.From(agent: TestConfigs.Agent(DecisionInputs.TunnelPath, egress, inbound)));

        Assert.Equal(expected, KillswitchPostureText.Describe(plan.Policy!));
    }
}
