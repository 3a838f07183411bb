using System.Globalization;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;

namespace WgAgent.Core.Status;

/// <summary>
/// The one-line posture in the config's own words: <c>killswitch.posture</c> in the status, and what
/// <c>wgagent killswitch up</c> prints after "kill switch verified:".
/// </summary>
public static class KillswitchPostureText
{
    /// <summary>E.g. <c>egress open, inbound open, forward open, ipv6 tunnel; only via wg0: node 9100, wgagent-metrics 9586</c>.</summary>
    /// <param name="policy">The verified policy.</param>
    /// <returns>One line.</returns>
    public static string Describe(KillswitchPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var posture = $"egress {(policy.Egress == EgressMode.Tunnel ? "tunnel" : "open")}, " +
            $"inbound {(policy.Inbound == InboundMode.Restricted ? "restricted" : "open")}, " +
            $"forward {(policy.Forward == ForwardMode.Tunnel ? "tunnel" : "open")}, " +
            $"ipv6 {(policy.Ipv6 == Ipv6Mode.Block ? "block" : "tunnel")}";
        var guarded = policy.GuardedPorts.Count == 0
            ? "no guarded ports"
            : $"only via {policy.Tunnel}: " + string.Join(", ",
                policy.GuardedPorts.Select(p => $"{p.Name} {p.Port.ToString(CultureInfo.InvariantCulture)}"));
        return $"{posture}; {guarded}";
    }
}
