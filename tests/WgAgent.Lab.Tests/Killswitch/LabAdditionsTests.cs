using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Guest;
using WgAgent.Lab.Nftables;

namespace WgAgent.Lab.Tests.Killswitch;

/// <summary>The pure parts the kill-switch tests added to the lab: the guest's wiring and the counter parser.</summary>
public sealed class LabAdditionsTests
{
    [Fact]
    public void Guest_Veth_PeerIsCreatedInNodeNotTheRootNamespace()
    {
        var script = GuestTopology.Guest("wgl-abcdef-node");

        Assert.Contains("link add eth0 type veth peer name guest netns wgl-abcdef-node\n", script, StringComparison.Ordinal);
        Assert.Contains($"route add default via {LabAddresses.NodeGuestSide.V4}\n", script, StringComparison.Ordinal);
        Assert.Contains($"route add default via {LabAddresses.NodeGuestSide.V6}\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Router_GuestPrefixes_RoutedToNodeAndLongerThanTheFarRoute()
    {
        var script = GuestTopology.Router();

        Assert.Contains($"route add {LabAddresses.GuestV4} via {LabAddresses.Node.V4}\n", script, StringComparison.Ordinal);
        Assert.Contains($"route add {LabAddresses.GuestV6} via {LabAddresses.Node.V6}\n", script, StringComparison.Ordinal);
        Assert.True(LabAddresses.FarV4.Contains(LabAddresses.GuestV4.BaseAddress) && LabAddresses.GuestV4.PrefixLength > LabAddresses.FarV4.PrefixLength);
    }

    [Fact]
    public void GuestAddresses_InDocumentationRangesAndClearOfInetsFarAddresses()
    {
        IPNetwork[] documentation = [IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("2001:db8::/32")];
        IPAddress[] guestSide = [LabAddresses.Guest.V4, LabAddresses.Guest.V6, LabAddresses.NodeGuestSide.V4, LabAddresses.NodeGuestSide.V6];

        Assert.All(guestSide, a => Assert.Contains(documentation, n => n.Contains(a)));
        Assert.All(guestSide, a => Assert.True(LabAddresses.GuestV4.Contains(a) || LabAddresses.GuestV6.Contains(a), $"{a} is outside the guest prefixes"));
        Assert.DoesNotContain(LabAddresses.InetAll, a => LabAddresses.GuestV4.Contains(a) || LabAddresses.GuestV6.Contains(a));
    }

    [Theory]
    [InlineData("table inet wgagent {\n\tcounter dropped_input {\n\t\tpackets 12 bytes 3456\n\t}\n}\n", 12, 3456)]
    [InlineData("table inet wgagent {\n\tcounter dropped_input {\n\t\tpackets 0 bytes 0\n\t}\n}\n", 0, 0)]
    public void ParseCounter_NftListing_PacketsAndBytes(string listing, long packets, long bytes)
    {
        var value = NftHostExtensions.ParseCounter("dropped_input", listing);

        Assert.Equal(new NftCounterValue("dropped_input", packets, bytes), value);
    }

    [Fact]
    public void ParseCounter_NoValues_Throws()
    {
        Assert.Throws<LabException>(() => NftHostExtensions.ParseCounter("x", "table inet wgagent {\n}\n"));
    }
}
