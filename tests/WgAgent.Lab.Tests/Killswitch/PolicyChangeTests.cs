using System.Net;
using WgAgent.Core.Firewall;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Tests.Killswitch.Support;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>
/// Changing the policy takes effect on flows that already exist (no conntrack loophole), and removing the table is
/// what reopens the host: the switch, not something else, was the cause.
/// </summary>
[Trait("lab", "killswitch")]
public sealed class PolicyChangeTests(PolicyChangeFixture fixture, ITestOutputHelper output)
    : KillswitchLabTests<PolicyChangeFixture>(fixture, output)
{
    private static readonly Posture Tunnel = new() { Egress = "tunnel" };

    [Theory]
    [InlineData("open", false)]
    [InlineData("open", true)]
    [InlineData("tunnel", false)]
    [InlineData("tunnel", true)]
    public async Task RoundTrip_FlowOpenedUnderEgressOpen_SurvivesOnlyWhileEgressStaysOpen(string egressAfter, bool ipv6)
    {
        await Killswitch.ApplyAsync(Posture.Default);
        using var connection = await EchoConnection.OpenAsync(
            Lab.Node, new IPEndPoint(LabAddresses.Inet.Underlay(ipv6), LabPorts.Echo), ProbeAssert.Patient);
        var beforeChange = await connection.RoundTripAsync(ProbeAssert.Patient);
        await Killswitch.ApplyAsync(Posture.Default with { Egress = egressAfter });
        var rejectedBefore = await Killswitch.PacketsAsync(NftCounters.RejectedOutput);

        var afterChange = await connection.RoundTripAsync(ProbeAssert.Patient);

        Output.WriteLine($"  before the change: {beforeChange ?? "echoed"}; after: {afterChange ?? "echoed"}");
        Assert.Null(beforeChange);
        if (egressAfter == "open")
        {
            Assert.Null(afterChange);
        }
        else
        {
            Assert.NotNull(afterChange);
            Assert.True(await Killswitch.PacketsAsync(NftCounters.RejectedOutput) > rejectedBefore, "rejected_output did not count the flow's bytes");
        }
    }

    [Theory]
    [MemberData(nameof(ProbeMatrix.KindsAndFamilies), MemberType = typeof(ProbeMatrix))]
    public async Task DeleteTransaction_AfterEgressTunnel_NodeReachesInetAgain(ProbeKind kind, bool ipv6)
    {
        var target = LabAddresses.Inet.Underlay(ipv6);
        await Killswitch.ApplyAsync(Tunnel);
        var blocked = await Killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);

        await Killswitch.RemoveAsync();
        var reopened = await Killswitch.ProbeAsync(Lab.Node, kind, target, LabPorts.Echo, ProbeAssert.Patient);

        ProbeAssert.RejectedFast(blocked);
        ProbeAssert.Reachable(reopened);
    }
}
