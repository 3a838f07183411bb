using System.Diagnostics;
using WgAgent.Lab.Netns;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Tests.Firewall;

namespace WgAgent.Lab.Tests.Daemon;

/// <summary>The configs and the fake-free wg0 (a veth end of that name) the daemon process tests share.</summary>
internal static class DaemonTestConfigs
{
    /// <summary>A wg-quick file with the documentation example keys: read, never brought up by wg-quick here.</summary>
    public const string Tunnel = """
        [Interface]
        PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
        Address = 10.77.0.2/32
        ListenPort = 51820

        [Peer]
        PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
        Endpoint = 192.0.2.1:51820
        AllowedIPs = 10.77.0.0/24
        """;

    /// <summary>Normal egress and inbound, no exporters.</summary>
    public static string Open(string tunnelConfigPath, int waitSeconds) => $"""
        [wireguard]
        interface = "wg0"
        config = "{tunnelConfigPath}"
        wait_timeout_seconds = {waitSeconds}

        [killswitch]
        egress = "open"
        inbound = "open"
        allow_inbound = ["tcp/22"]
        """;

    /// <summary>A veth end named wg0 with the tunnel's address, brought up last like wg-quick does; returns when `up` returned.</summary>
    public static async Task<long> BringUpTunnelAsync(ScratchNamespace scratch)
    {
        await CommandRunner.RunCheckedAsync("ip", "-n", scratch.Name, "link", "add", "wg0", "type", "veth", "peer", "name", "wg0-peer");
        await CommandRunner.RunCheckedAsync("ip", "-n", scratch.Name, "address", "add", "10.77.0.2/32", "dev", "wg0");
        await CommandRunner.RunCheckedAsync("ip", "-n", scratch.Name, "link", "set", "wg0-peer", "up");
        await CommandRunner.RunCheckedAsync("ip", "-n", scratch.Name, "link", "set", "wg0", "up");
        return Stopwatch.GetTimestamp();
    }
}
