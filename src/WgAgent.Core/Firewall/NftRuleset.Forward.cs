using WgAgent.Core.Config;

namespace WgAgent.Core.Firewall;

/// <summary>The forward chain: containers and VMs behind the host.</summary>
public static partial class NftRuleset
{
    private static IEnumerable<string> ForwardRules(KillswitchPolicy policy)
    {
        var wg = NftSyntax.Quote(policy.Tunnel.Value);
        if (policy.Ipv6 == Ipv6Mode.Block)
        {
            yield return Comment($"meta nfproto ipv6 counter name \"{NftCounters.DroppedForward}\" drop", "ipv6 = block: all IPv6");
        }

        if (policy.Forward == ForwardMode.Open)
        {
            yield break; // policy accept.
        }

        yield return Comment($"oifname {wg} accept", "forward = tunnel: out only through the tunnel");
        yield return Comment($"iifname {wg} ct direction reply ct state established,related accept", "and the replies back in");
        yield return Comment($"counter name \"{NftCounters.DroppedForward}\" drop", "forward = tunnel: nothing else");
    }
}
