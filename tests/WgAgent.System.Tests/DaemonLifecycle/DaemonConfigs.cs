using System.Globalization;
using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;
using WgAgent.Lab.WireGuard;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>The /etc/wgagent.toml and wg0.conf variants the daemon's scenarios use, all derived from the lab's own.</summary>
public static class DaemonConfigs
{
    /// <summary>
    /// Where the node's tunnel address moves to: .1 is monitor, .2 node, .3 stranger in the lab's 10.77.0.0/24 and
    /// fd77::/64, so .4 is free, inside the prefix monitor routes into its wg0, and only has to be added to monitor's
    /// AllowedIPs for node (cryptokey routing, wg(8)).
    /// </summary>
    public static readonly HostAddresses MovedNode = new(LabAddresses.Node.V4, LabAddresses.Node.V6, IPAddress.Parse("10.77.0.4"), IPAddress.Parse("fd77::4"));

    /// <summary>The hook seed-style broken wg0.conf runs first: a script that is not there (wg-quick fails before it creates wg0).</summary>
    public const string MissingPreUpHook = "PreUp = /usr/local/sbin/wg0-prepare %i";

    /// <summary>The line (f) adds, as it reads in the config.</summary>
    public const string RestrictedInbound = "inbound = \"restricted\"\nallow_inbound = [\"tcp/22\", \"tcp/2222\"]";

    /// <summary>The lab's config with <c>wait_timeout_seconds</c> set to <paramref name="seconds"/>.</summary>
    public static string WithWaitTimeout(int seconds) =>
        Replace(LabAgentConfig.TunnelEgress(), "wait_timeout_seconds = 30", string.Create(CultureInfo.InvariantCulture, $"wait_timeout_seconds = {seconds}"));

    /// <summary>
    /// The lab's config with a type error (a string for an integer) and where it is: line and column (1-based) of the
    /// bad value, as a diagnostic would point at it.
    /// </summary>
    public static (string Text, int Line, int Column) WithTypeError(string config)
    {
        const string Key = "wait_timeout_seconds = ";
        var text = Replace(config, "wait_timeout_seconds = 30", Key + "\"thirty\"");
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith(Key, StringComparison.Ordinal));
        return (text, line + 1, Key.Length + 1);
    }

    /// <summary>
    /// The lab's config with inbound restricted and tcp/2222 allowed. With the lab's inbound = "open", allow_inbound
    /// alone renders no rule (it applies only to "restricted"), so this is the smallest edit that changes the table.
    /// </summary>
    public static string WithRestrictedInbound(string config) => Replace(config, "inbound = \"open\"", RestrictedInbound);

    /// <summary>The node's wg0.conf with its Address line on <see cref="MovedNode"/>'s addresses (same prefixes).</summary>
    public static string MovedTunnel(TunnelConfig tunnel)
    {
        ArgumentNullException.ThrowIfNull(tunnel);
        return (tunnel with
        {
            Addresses = [(MovedNode.RequiredTunnelV4, LabAddresses.TunnelV4.PrefixLength), (MovedNode.RequiredTunnelV6, LabAddresses.TunnelV6.PrefixLength)],
        }).ToWgQuickConfig();
    }

    /// <summary>The node's wg0.conf with <see cref="MissingPreUpHook"/> after its [Interface] line: valid for wgagent, fatal for wg-quick.</summary>
    public static string WithMissingPreUp(TunnelConfig tunnel)
    {
        ArgumentNullException.ThrowIfNull(tunnel);
        return Replace(tunnel.ToWgQuickConfig(), "[Interface]\n", "[Interface]\n" + MissingPreUpHook + "\n");
    }

    /// <summary>Monitor's AllowedIPs for node with the moved addresses added (wg(8) comma list).</summary>
    public static string MonitorAllowedIpsWithMoved(WireGuardPeer nodePeer)
    {
        ArgumentNullException.ThrowIfNull(nodePeer);
        return string.Join(',', nodePeer.AllowedIps.Select(n => n.ToString())
            .Concat([$"{MovedNode.RequiredTunnelV4}/32", $"{MovedNode.RequiredTunnelV6}/128"]));
    }

    private static string Replace(string text, string old, string replacement) =>
        text.Contains(old, StringComparison.Ordinal)
            ? text.Replace(old, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"\"{old}\" is not in:\n{text}");
}
