using System.Text;

namespace WgAgent.Core.WireGuard;

/// <summary>
/// A wg-quick config (wg0.conf), typed: what wgagent needs to know about the tunnel (its addresses,
/// port, firewall mark and peer endpoints). Immutable. Holds no secrets, so it can be logged.
/// </summary>
public sealed class WireGuardConfig
{
    /// <summary>The file as the user named it.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The <c>[Interface]</c> section.</summary>
    public required WireGuardInterface Interface { get; init; }

    /// <summary>The <c>[Peer]</c> sections in file order.</summary>
    public IReadOnlyList<WireGuardPeer> Peers { get; init; } = [];

    /// <summary>
    /// Lines kept but not interpreted: hooks, <c>SaveConfig</c> and unknown keys, in file order. wgagent
    /// does not run hooks; they are here so a checker can point at them (an iptables hook fighting the
    /// kill-switch, say).
    /// </summary>
    public IReadOnlyList<WireGuardRawEntry> IgnoredEntries { get; init; } = [];

    /// <summary>True when some peer's allowed IPs include a default route: the tunnel takes all traffic
    /// of that family, and wg-quick(8) (with <c>Table = auto</c>) installs its fwmark-based policy routing.</summary>
    public bool HasDefaultRoute => Peers.Any(peer => peer.HasDefaultRoute);

    /// <summary>wg-quick's default firewall mark, used when it installs a default route itself (wg-quick(8)).</summary>
    public const uint WgQuickDefaultFwMark = 51820;

    /// <summary>
    /// The firewall mark the tunnel's own UDP will carry once wg-quick brings it up: the file's FwMark, or, when
    /// the file sets none (or <c>off</c>) and wg-quick installs a default route (<c>Table = auto</c>), wg-quick's
    /// 51820 (0xca6c). wg-quick takes the next free number when routing table 51820 is already in use; the daemon
    /// reads the live mark from the kernel, this is what the file alone says. Null when packets carry no mark.
    /// </summary>
    public uint? EffectiveFwMark => Interface.FwMark switch
    {
        { } mark and not 0 => mark,
        _ when HasDefaultRoute && Interface.Table.Kind == WireGuardRouteTableKind.Auto => WgQuickDefaultFwMark,
        _ => null,
    };

    /// <summary>A one-line summary for the startup log, without secrets.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(SourcePath).Append(": ").Append(Interface);
        text.Append("; ").Append(Peers.Count).Append(Peers.Count == 1 ? " peer" : " peers");
        var endpoints = Peers.Where(peer => peer.Endpoint is not null).Select(peer => peer.Endpoint!.ToString()).ToArray();
        if (endpoints.Length > 0)
        {
            text.Append(" (").Append(string.Join(", ", endpoints)).Append(')');
        }
        return text.ToString();
    }
}
