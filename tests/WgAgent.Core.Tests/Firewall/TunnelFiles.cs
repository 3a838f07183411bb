using WgAgent.Core.Tests.WireGuard;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.Firewall;

/// <summary>wg0.conf files for policy tests (the lab's node: 10.77.0.2 / fd77::2, port 51820, FwMark 0xca6c).</summary>
internal static class TunnelFiles
{
    public const string StandardText = """
        [Interface]
        PrivateKey = WFpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo=
        Address = 10.77.0.2/24, fd77::2/64
        ListenPort = 51820
        FwMark = 0xca6c

        [Peer]
        # monitor
        PublicKey = AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=
        Endpoint = 198.51.100.20:51820
        AllowedIPs = 10.77.0.1/32, 10.77.0.10/32, fd77::1/128

        [Peer]
        # stranger, over IPv6
        PublicKey = AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=
        Endpoint = [2001:db8:0:2::30]:51820
        AllowedIPs = 10.77.0.3/32
        """;

    public static WireGuardConfig Standard { get; } = Read(StandardText);

    public static WireGuardConfig Read(string text)
    {
        var result = WireGuardConfigReader.Read(text, "/etc/wireguard/wg0.conf");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    /// <summary>wg0.conf with the given [Interface] extra lines and peers (each a list of lines).</summary>
    public static WireGuardConfig With(string interfaceLines, params string[] peers)
    {
        var text = $"[Interface]\nPrivateKey = {TestKeys.Private}\n{interfaceLines}\n";
        var key = (byte)1;
        foreach (var peer in peers)
        {
            text += $"\n[Peer]\nPublicKey = {TestKeys.Key(key++)}\n{peer}\n";
        }
        return Read(text);
    }
}
