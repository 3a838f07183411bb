using WgAgent.Lab.Addressing;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab.Demo.Steps;

/// <summary>The tunnel is real: a ping through it, then node's `wg show` with the handshake.</summary>
public sealed class WireGuardStep : DemoStep
{
    /// <inheritdoc />
    public override string Title => "WireGuard between node and monitor (wireguard-go, keys made for this run)";

    /// <inheritdoc />
    public override async Task RunAsync(DemoContext context)
    {
        var lab = context.Lab;
        context.Narrator.Say("monitor pings node's tunnel address; the packets travel inside WireGuard UDP:");
        var ping = await context.ShowAsync(lab.Monitor, "ping", "-n", "-c", "2", "-W", "2", LabAddresses.Node.RequiredTunnelV4.ToString())
            .ConfigureAwait(false);
        if (!ping.Succeeded)
        {
            throw new DemoStepFailedException("monitor cannot ping node through the tunnel");
        }

        var handshake = await lab.Node.WaitForHandshakeAsync(lab.MonitorTunnel.Keys.PublicKey, TimeSpan.FromSeconds(10), context.Stopping)
            .ConfigureAwait(false);
        context.Narrator.Blank();
        context.Narrator.Say("node's view of its tunnel (fwmark 0xca6c marks its WireGuard UDP for the kill switch later):");
        var show = await context.ShowAsync(lab.Node, "wg", "show", "wg0").ConfigureAwait(false);
        if (!show.Succeeded)
        {
            throw new DemoStepFailedException($"`wg show wg0` failed on node: {show.Describe()}");
        }

        context.Narrator.Ok($"node and monitor completed a handshake at {handshake:HH:mm:ss} UTC");
    }
}
