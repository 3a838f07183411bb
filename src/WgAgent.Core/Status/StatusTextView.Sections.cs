using System.Globalization;
using System.Text;

namespace WgAgent.Core.Status;

public static partial class StatusTextView
{
    private static void AppendTunnel(StringBuilder text, TunnelStatus tunnel, TerminalStyle style, DateTimeOffset now)
    {
        var phase = tunnel.Up ? style.Good("up") : style.Bad(tunnel.Present ? "down" : tunnel.Phase);
        text.Append('\n').Append(style.Label("interface:")).Append(' ').Append(tunnel.Interface).Append(" (").Append(phase).Append(")\n");
        if (tunnel.PublicKey is { } key)
        {
            Line(text, "public key", key);
        }
        Line(text, "addresses", tunnel.Addresses.Count == 0 ? "none" : string.Join(", ", tunnel.Addresses));
        if (tunnel.Present)
        {
            Line(text, "listening port", tunnel.ListenPort?.ToString(CultureInfo.InvariantCulture) ?? "none");
            Line(text, "fwmark", tunnel.Fwmark is { } mark ? string.Create(CultureInfo.InvariantCulture, $"0x{mark:x}") : "off");
        }
        if (tunnel.Error is { } error)
        {
            Line(text, "error", style.Bad(TerminalStyle.Clean(error)));
        }

        foreach (var peer in tunnel.Peers)
        {
            text.Append('\n').Append(style.Label("peer:")).Append(' ').Append(peer.PublicKey).Append('\n');
            Line(text, "endpoint", peer.Endpoint ?? "none");
            Line(text, "allowed ips", peer.AllowedIps.Count == 0 ? "none" : string.Join(", ", peer.AllowedIps));
            Line(text, "latest handshake", Handshake(peer, style, now));
            Line(text, "transfer", $"{HumanUnits.Bytes(peer.RxBytes)} received, {HumanUnits.Bytes(peer.TxBytes)} sent");
            if (peer.PersistentKeepaliveSeconds is { } keepalive)
            {
                Line(text, "persistent keepalive", $"every {HumanUnits.Duration(TimeSpan.FromSeconds(keepalive))}");
            }
        }
    }

    private static string Handshake(PeerStatus peer, TerminalStyle style, DateTimeOffset now)
    {
        if (peer.LatestHandshake is not { } at)
        {
            return style.Warn("never");
        }
        var ago = HumanUnits.Ago(at, now);
        return HumanUnits.Age(at, now) > StatusComposer.HandshakeStaleAfter ? style.Warn(ago) : ago;
    }

    private static void AppendKillswitch(StringBuilder text, KillswitchStatus killswitch, TerminalStyle style, DateTimeOffset now)
    {
        var word = KillswitchWord(killswitch.State);
        var state = killswitch.State switch
        {
            KillswitchStatusState.Verified => style.Good(word),
            KillswitchStatusState.FallbackLastGood or KillswitchStatusState.BlockAll => style.Warn(word),
            _ => style.Bad(word),
        };
        var applied = killswitch.AppliedAt is { } at ? $"applied {HumanUnits.Ago(at, now)}" : "never applied";
        var repairs = killswitch.Repairs == 1 ? "1 repair" : string.Create(CultureInfo.InvariantCulture, $"{killswitch.Repairs} repairs");
        text.Append('\n').Append(style.Label("kill switch:")).Append(' ').Append(state).Append(", ").Append(applied).Append(", ").Append(repairs).Append('\n');
        Line(text, "posture", TerminalStyle.Clean(killswitch.Posture));
        var counted = killswitch.Drops.Where(d => d.Value.Packets > 0)
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Value.Packets} {d.Key}")).ToList();
        Line(text, "drops", killswitch.Drops.Count == 0 ? "unknown" : counted.Count == 0 ? "none" : string.Join(", ", counted) + " (packets)");
        if (killswitch.RulesetSha256 is { } sha)
        {
            // 12 hex digits tell tables apart at a glance; the JSON has all 64.
            var match = killswitch.Match ? "the table wgagent applied" : style.Bad("NOT the table wgagent applied");
            Line(text, "ruleset", $"sha256 {sha[..Math.Min(12, sha.Length)]}, {match}");
        }
        if (killswitch.Error is { } error)
        {
            Line(text, "error", style.Bad(TerminalStyle.Clean(error)));
        }
    }

    private static void AppendExporters(StringBuilder text, IReadOnlyList<ExporterStatus> exporters, TerminalStyle style)
    {
        if (exporters.Count == 0)
        {
            return;
        }

        text.Append('\n').Append(style.Label("exporters:")).Append('\n');
        var nameWidth = exporters.Max(e => e.Name.Length);
        var portWidth = exporters.Max(e => e.Port.ToString(CultureInfo.InvariantCulture).Length) + 1;
        var stateWidth = exporters.Max(e => ExporterWord(e.State).Length);
        foreach (var exporter in exporters)
        {
            // Pad before coloring: escape sequences have no width on screen.
            var padded = ExporterWord(exporter.State).PadRight(stateWidth);
            var state = exporter.State switch
            {
                ExporterBindState.Bound => style.Good(padded),
                ExporterBindState.Exposed => style.Bad(padded),
                _ => style.Warn(padded),
            };
            var actual = exporter.ActualAddresses.Count == 0 ? "nothing" : string.Join(", ", exporter.ActualAddresses);
            var where = exporter.State == ExporterBindState.Bound ? $"on {actual}"
                : exporter.ExpectedAddresses.Count == 0 ? $"on {actual} (no WireGuard address to expect yet)"
                : $"on {actual} (expected {string.Join(", ", exporter.ExpectedAddresses)})";
            var unit = exporter.UnitState is { } unitState ? $"{exporter.Unit} {unitState}" : exporter.Unit;
            text.Append("  ").Append(exporter.Name.PadRight(nameWidth)).Append("  ")
                .Append((":" + exporter.Port.ToString(CultureInfo.InvariantCulture)).PadRight(portWidth)).Append("  ")
                .Append(state).Append("  ").Append(where).Append("  ").Append(style.Dim($"[{unit}]")).Append('\n');
        }
    }

    private static string ExporterWord(ExporterBindState state) => state switch
    {
        ExporterBindState.Bound => "bound",
        ExporterBindState.Incomplete => "incomplete",
        ExporterBindState.NotListening => "not-listening",
        _ => "EXPOSED",
    };

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append("  ").Append(key).Append(": ").Append(value).Append('\n');
}
