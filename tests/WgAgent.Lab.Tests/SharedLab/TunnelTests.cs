using WgAgent.Lab.Addressing;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab.Tests.SharedLab;

[Collection(LabCollection.Name)]
[Trait("lab", "level-1")]
public sealed class TunnelTests(LabFixture fixture)
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Handshake_NodeAndMonitor_BothSidesSeeIt()
    {
        var lab = fixture.Lab;
        await lab.Monitor.PingAsync(LabAddresses.Node.RequiredTunnelV4, TimeSpan.FromSeconds(3));

        var nodeSide = await lab.Node.WaitForHandshakeAsync(lab.MonitorTunnel.Keys.PublicKey, HandshakeTimeout);
        var monitorSide = await lab.Monitor.WaitForHandshakeAsync(lab.NodeTunnel.Keys.PublicKey, HandshakeTimeout);

        // Handshakes happen during this run: within the last few minutes, not at the epoch.
        Assert.InRange(nodeSide, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.InRange(monitorSide, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Handshake_NodeAndStranger_BothSidesSeeIt()
    {
        var lab = fixture.Lab;
        await lab.Stranger.PingAsync(LabAddresses.Node.RequiredTunnelV4, TimeSpan.FromSeconds(3));

        var nodeSide = await lab.Node.WaitForHandshakeAsync(lab.StrangerTunnel.Keys.PublicKey, HandshakeTimeout);
        var strangerSide = await lab.Stranger.WaitForHandshakeAsync(lab.NodeTunnel.Keys.PublicKey, HandshakeTimeout);

        Assert.InRange(nodeSide, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.InRange(strangerSide, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task WgShow_Node_ShowsWg0WithFwMarkPortAndBothPeers()
    {
        var lab = fixture.Lab;

        var text = await lab.Node.WgShowAsync();

        Assert.Contains("interface: wg0", text, StringComparison.Ordinal);
        Assert.Contains($"public key: {lab.NodeTunnel.Keys.PublicKey}", text, StringComparison.Ordinal);
        Assert.Contains($"listening port: {LabPorts.WireGuard}", text, StringComparison.Ordinal);
        Assert.Contains("fwmark: 0xca6c", text, StringComparison.Ordinal);
        Assert.Contains($"peer: {lab.MonitorTunnel.Keys.PublicKey}", text, StringComparison.Ordinal);
        Assert.Contains($"peer: {lab.StrangerTunnel.Keys.PublicKey}", text, StringComparison.Ordinal);
    }
}
