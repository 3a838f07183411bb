using WgAgent.Core.Tunnel;
using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Status;

public static partial class StatusComposer
{
    private static TunnelStatus ComposeTunnel(StatusInputs inputs, List<StatusProblem> problems)
    {
        var tunnel = inputs.Tunnel;
        var name = tunnel.Interface.Value;
        var unitHint = $"`systemctl status wg-quick@{name}`";
        var waited = inputs.WaitedOut is { } w ? $" (waited {HumanUnits.Duration(w)})" : "";
        switch (tunnel.Phase)
        {
            case TunnelPhase.Unknown:
                problems.Add(new StatusProblem(ProblemCodes.TunnelUnknown, $"wgagent has not seen {name} yet",
                    $"it should within a second; if this persists see {JournalHint}"));
                break;
            case TunnelPhase.Absent:
                problems.Add(new StatusProblem(ProblemCodes.TunnelAbsent, $"{name} does not exist{waited}", $"run {unitHint}"));
                break;
            case TunnelPhase.Present:
                problems.Add(new StatusProblem(ProblemCodes.TunnelDown,
                    $"{name} exists but is not up (link down or no usable address){waited}", $"run {unitHint} and `ip address show {name}`"));
                break;
        }

        // wg show fails on an absent interface as a matter of course: only report it when the link exists.
        var error = tunnel.IsPresent ? inputs.DumpError : null;
        if (error is not null)
        {
            problems.Add(new StatusProblem(ProblemCodes.WireGuardUnreadable, $"cannot read the WireGuard state of {name}: {error}",
                $"check that `wg show {name} dump` works as root; see {JournalHint}"));
        }

        var dump = tunnel.IsPresent ? inputs.Dump : null;
        var peers = dump?.Peers.Select(p => Peer(p, inputs.Now)).ToList() ?? [];
        if (tunnel.IsUp && dump is not null)
        {
            PeerProblems(name, dump, inputs.Now, problems);
        }

        return new TunnelStatus
        {
            Interface = name,
            Present = tunnel.IsPresent,
            Up = tunnel.IsUp,
            Phase = tunnel.Phase.ToString().ToLowerInvariant(),
            Addresses = [.. tunnel.Addresses.Select(a => $"{a.Address}/{a.PrefixLength}")],
            PublicKey = dump?.PublicKey?.ToString(),
            ListenPort = dump?.ListenPort,
            Fwmark = dump is { FwMark: not 0 } ? dump.FwMark : null,
            Peers = peers,
            Error = error,
        };
    }

    private static PeerStatus Peer(WireGuardPeerState peer, DateTimeOffset now) => new()
    {
        PublicKey = peer.PublicKey.ToString(),
        Endpoint = peer.Endpoint?.ToString(),
        AllowedIps = [.. peer.AllowedIPs.Select(n => n.ToString())],
        LatestHandshake = peer.LatestHandshake,
        LatestHandshakeAgeSeconds = peer.LatestHandshake is { } at ? (long)HumanUnits.Age(at, now).TotalSeconds : null,
        RxBytes = peer.RxBytes,
        TxBytes = peer.TxBytes,
        PersistentKeepaliveSeconds = peer.PersistentKeepalive,
    };

    private static void PeerProblems(string name, WireGuardDump dump, DateTimeOffset now, List<StatusProblem> problems)
    {
        if (dump.Peers.Count == 0)
        {
            problems.Add(new StatusProblem(ProblemCodes.NoPeers, $"{name} has no peers, so nothing can reach the host over it",
                $"add the monitoring server as a [Peer] in /etc/wireguard/{name}.conf, then `systemctl restart wg-quick@{name}`"));
            return;
        }

        foreach (var peer in dump.Peers)
        {
            var who = PeerName(peer);
            // With an endpoint this host initiates, so a missing handshake means the endpoint or the keys; without
            // one it can only answer, so the other side must connect first.
            var hint = peer.Endpoint is { } endpoint
                ? $"check that {endpoint} is reachable over UDP and that both sides have each other's public key (`wg show {name}`)"
                : $"it has no endpoint, so it must connect first: check its config and that both sides have each other's public key";
            if (peer.LatestHandshake is not { } at)
            {
                problems.Add(new StatusProblem(ProblemCodes.PeerNoHandshake, $"peer {who} has never completed a handshake", hint));
            }
            else if (HumanUnits.Age(at, now) > HandshakeStaleAfter)
            {
                problems.Add(new StatusProblem(ProblemCodes.PeerStaleHandshake,
                    $"no handshake with peer {who} for {HumanUnits.Duration(HumanUnits.Age(at, now))}", hint));
            }
        }
    }

    /// <summary>The key's first 8 characters, like a short commit id, and the endpoint when there is one.</summary>
    private static string PeerName(WireGuardPeerState peer) =>
        peer.PublicKey.ToString()[..8] + "…" + (peer.Endpoint is { } endpoint ? $" ({endpoint})" : "");
}
