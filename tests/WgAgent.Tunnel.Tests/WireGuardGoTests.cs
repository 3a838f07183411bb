using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using WgAgent.Core.Tunnel;
using WgAgent.Tunnel.Tests.Support;

namespace WgAgent.Tunnel.Tests;

public sealed class WireGuardGoTests
{
    [Fact]
    public async Task RunAsync_WireGuardGoInterface_SeenAsTunThroughItsLife()
    {
        // Arrange: wireguard-go's control socket is /var/run/wireguard/NAME.sock for every namespace alike
        // (ENVIRONMENT.md), so the interface gets a name no other test or lab uses.
        await using var scratch = await Scratch.CreateAsync();
        var name = "wgt" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        await using var harness = WatcherHarness.Start(scratch, name);
        await harness.SynchronizedAsync();
        using var process = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", scratch.Name, "wireguard-go", "-f", name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            // Act / Assert
            var created = await harness.WaitAsync(s => s.IsPresent);
            Assert.Equal("tun", created.Link!.Kind);
            Assert.Equal(TunnelPhase.Present, created.Phase);

            await scratch.IpAsync("address", "add", "10.77.0.2/24", "dev", name);
            await scratch.IpAsync("link", "set", name, "up");
            var up = await harness.WaitAsync(s => s.IsUp);
            Assert.Equal([IPAddress.Parse("10.77.0.2")], up.UsableIPv4);

            // Deleting the link is what ends wireguard-go (as wg-quick down does).
            await scratch.IpAsync("link", "del", name);
            Assert.Equal(TunnelPhase.Absent, (await harness.WaitAsync(s => !s.IsPresent)).Phase);
            Assert.True(process.WaitForExit(WatcherHarness.Bound), "wireguard-go did not exit after its link was deleted");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(WatcherHarness.Bound);
            }

            File.Delete($"/var/run/wireguard/{name}.sock");
        }
    }
}
