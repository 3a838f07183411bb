namespace WgAgent.Core.Status;

/// <summary>
/// wgagent's <c>/metrics</c> (Prometheus text format 0.0.4), rendered from the same status document the socket serves,
/// so the metrics and <c>agentctl status</c> never disagree. The WireGuard peer families use
/// prometheus_wireguard_exporter's names, types and labels (<c>interface</c>, <c>public_key</c>, <c>allowed_ips</c>
/// as wg prints them, comma-separated), so its dashboards and alerts work unchanged.
/// </summary>
public static class MetricsText
{
    /// <summary>The Content-Type of the response.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Renders the metrics.</summary>
    /// <param name="document">The status now.</param>
    /// <returns>The exposition text, ending with a newline.</returns>
    public static string Render(StatusDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var w = new PrometheusTextWriter();
        var tunnel = document.Tunnel;
        (string, string)[] Peer(PeerStatus p) =>
            [("interface", tunnel.Interface), ("public_key", p.PublicKey), ("allowed_ips", string.Join(',', p.AllowedIps))];

        w.Family("wireguard_sent_bytes_total", "counter", "Bytes sent to the peer");
        foreach (var peer in tunnel.Peers)
        {
            w.Sample("wireguard_sent_bytes_total", peer.TxBytes, Peer(peer));
        }
        w.Family("wireguard_received_bytes_total", "counter", "Bytes received from the peer");
        foreach (var peer in tunnel.Peers)
        {
            w.Sample("wireguard_received_bytes_total", peer.RxBytes, Peer(peer));
        }
        // A Unix timestamp like prometheus_wireguard_exporter's (0 = never), so `time() - metric` is the age.
        w.Family("wireguard_latest_handshake_seconds", "gauge", "Unix time of the latest handshake with the peer; 0 when there was none");
        foreach (var peer in tunnel.Peers)
        {
            var at = peer.LatestHandshake is { } handshake ? (ulong)Math.Max(0, handshake.ToUnixTimeSeconds()) : 0;
            w.Sample("wireguard_latest_handshake_seconds", at, Peer(peer));
        }

        w.Family("wgagent_up", "gauge", "1: wgagent is running and answering");
        w.Sample("wgagent_up", 1);
        w.Family("wgagent_build_info", "gauge", "wgagent's version, as a label; always 1");
        w.Sample("wgagent_build_info", 1, ("version", document.Version));
        w.Family("wgagent_healthy", "gauge", "1 when the status is ok: everything holds");
        w.Sample("wgagent_healthy", Flag(document.State == AgentState.Ok));
        w.Family("wgagent_problems", "gauge", "Number of problems the status reports");
        w.Sample("wgagent_problems", (ulong)document.Problems.Count);
        w.Family("wgagent_tunnel_up", "gauge", "1 when the WireGuard interface is up with a usable address");
        w.Sample("wgagent_tunnel_up", Flag(tunnel.Up), ("interface", tunnel.Interface));

        var killswitch = document.Killswitch;
        w.Family("wgagent_killswitch_verified", "gauge", "1 when the kernel holds exactly the table computed from the config and verified");
        w.Sample("wgagent_killswitch_verified", Flag(killswitch.State == KillswitchStatusState.Verified && killswitch.Match));
        w.Family("wgagent_killswitch_repairs_total", "counter", "Times the table had to be put back since wgagent started");
        w.Sample("wgagent_killswitch_repairs_total", (ulong)Math.Max(0, killswitch.Repairs));
        // "chain" is the nft counter's name: each counter belongs to one verdict of the table (docs/status-api.md).
        w.Family("wgagent_killswitch_dropped_packets_total", "counter", "Packets dropped or rejected by the kill switch, by nft counter");
        foreach (var (name, counter) in killswitch.Drops)
        {
            w.Sample("wgagent_killswitch_dropped_packets_total", counter.Packets, ("chain", name));
        }
        w.Family("wgagent_killswitch_dropped_bytes_total", "counter", "Bytes dropped or rejected by the kill switch, by nft counter");
        foreach (var (name, counter) in killswitch.Drops)
        {
            w.Sample("wgagent_killswitch_dropped_bytes_total", counter.Bytes, ("chain", name));
        }

        w.Family("wgagent_exporter_bound", "gauge", "1 when the exporter listens on every WireGuard address and nowhere else");
        foreach (var exporter in document.Exporters)
        {
            w.Sample("wgagent_exporter_bound", Flag(exporter.State == ExporterBindState.Bound), ("exporter", exporter.Name));
        }
        return w.ToString();
    }

    private static ulong Flag(bool value) => value ? 1UL : 0UL;
}
