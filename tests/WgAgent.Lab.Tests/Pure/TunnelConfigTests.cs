using System.Net;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab.Tests.Pure;

public sealed class TunnelConfigTests
{
    private static readonly TunnelConfig Node = new(
        "node",
        new WireGuardKeyPair("cHJpdmF0ZQ==", "cHVibGlj"),
        [(IPAddress.Parse("10.77.0.2"), 24), (IPAddress.Parse("fd77::2"), 64)],
        51820,
        0xca6c,
        [
            new WireGuardPeer("monitor", "bW9uaXRvcg==", IPEndPoint.Parse("198.51.100.20:51820"),
                [IPNetwork.Parse("10.77.0.1/32"), IPNetwork.Parse("fd77::1/128")]),
            new WireGuardPeer("stranger", "c3RyYW5nZXI=", IPEndPoint.Parse("198.51.100.30:51820"),
                [IPNetwork.Parse("10.77.0.3/32"), IPNetwork.Parse("fd77::3/128")]),
        ]);

    [Fact]
    public void ToWgQuickConfig_NodeWithTwoPeers_HasInterfaceAndOnePeerSectionEach()
    {
        var lines = Node.ToWgQuickConfig().Split('\n');

        Assert.Equal(1, lines.Count(l => l == "[Interface]"));
        Assert.Equal(2, lines.Count(l => l == "[Peer]"));
        Assert.Contains("PrivateKey = cHJpdmF0ZQ==", lines);
        Assert.Contains("Address = 10.77.0.2/24, fd77::2/64", lines);
        Assert.Contains("ListenPort = 51820", lines);
        Assert.Contains("FwMark = 0xca6c", lines);
        Assert.Contains("PublicKey = bW9uaXRvcg==", lines);
        Assert.Contains("Endpoint = 198.51.100.20:51820", lines);
        Assert.Contains("AllowedIPs = 10.77.0.1/32, fd77::1/128", lines);
        Assert.Contains("AllowedIPs = 10.77.0.3/32, fd77::3/128", lines);
    }

    [Fact]
    public void ToWgQuickConfig_NoFwMark_OmitsTheKey()
    {
        var monitor = Node with { FwMark = null };

        Assert.DoesNotContain("FwMark", monitor.ToWgQuickConfig(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Always_HidesThePrivateKey()
    {
        Assert.DoesNotContain("cHJpdmF0ZQ==", Node.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cHJpdmF0ZQ==", Node.Keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLatestHandshakes_ZeroAndTime_NeverAndThatTime()
    {
        var parsed = WireGuardHostExtensions.ParseLatestHandshakes("bW9uaXRvcg==\t1700000000\nc3RyYW5nZXI=\t0\n");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), parsed["bW9uaXRvcg=="]);
        Assert.Null(parsed["c3RyYW5nZXI="]);
    }

    [Fact]
    public void ParseLatestHandshakes_Garbage_Throws()
    {
        Assert.Throws<LabException>(() => WireGuardHostExtensions.ParseLatestHandshakes("not a handshake line"));
    }
}
