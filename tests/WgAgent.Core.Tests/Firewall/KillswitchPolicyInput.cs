using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.Firewall;

/// <summary>The two files a policy is built from.</summary>
public sealed record KillswitchPolicyInput(AgentConfig Config, WireGuardConfig Tunnel)
{
    public KillswitchPolicy Build() => KillswitchPolicyBuilder.Build(Config, Tunnel);

    public string Render() => NftRuleset.RenderTable(Build());
}
