using System.Globalization;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;

namespace WgAgent.Firewall;

/// <summary>The one-line posture printed after "kill switch verified:", in the config's own words.</summary>
public static class PostureText
{
    /// <summary>Describes the policy, e.g.
    /// <c>egress open, inbound open, forward open, ipv6 tunnel; only via wg0: node 9100, wgagent-metrics 9586</c>.</summary>
    /// <param name="policy">The verified policy.</param>
    /// <returns>One line.</returns>
    public static string Describe(KillswitchPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var posture = $"egress {Word(policy.Egress == EgressMode.Tunnel, "tunnel", "open")}, " +
            $"inbound {Word(policy.Inbound == InboundMode.Restricted, "restricted", "open")}, " +
            $"forward {Word(policy.Forward == ForwardMode.Tunnel, "tunnel", "open")}, " +
            $"ipv6 {Word(policy.Ipv6 == Ipv6Mode.Block, "block", "tunnel")}";
        var guarded = policy.GuardedPorts.Count == 0
            ? "no guarded ports"
            : $"only via {policy.Tunnel}: " + string.Join(", ",
                policy.GuardedPorts.Select(p => $"{p.Name} {p.Port.ToString(CultureInfo.InvariantCulture)}"));
        return $"{posture}; {guarded}";
    }

    private static string Word(bool condition, string yes, string no) => condition ? yes : no;
}
