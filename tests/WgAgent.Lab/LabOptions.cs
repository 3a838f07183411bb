namespace WgAgent.Lab;

/// <summary>How to build one lab run. The defaults give the full level-1 lab.</summary>
public sealed record LabOptions
{
    /// <summary>
    /// When true the lab creates node's namespace, the underlay and the monitor/stranger peers, but not node's
    /// wireguard-go/wg0 nor its node_exporter: a booted host inside node's namespace (systemd-nspawn with
    /// <c>--network-namespace-path</c>) brings up wg-quick@wg0 from <see cref="Lab.NodeTunnel"/> itself.
    /// </summary>
    public bool ExternalNodeTunnel { get; init; }

    /// <summary>
    /// When true the lab adds a <c>guest</c> host behind node (a veth, <see cref="Addressing.LabAddresses.GuestV4"/> and
    /// <see cref="Addressing.LabAddresses.GuestV6"/>), like a container or VM the node forwards for: node forwards
    /// (IPv4 and IPv6), the router routes the guest prefixes to node's LAN address, and monitor accepts and routes them
    /// through its wg0, so the guest can reach inet through node's LAN link and monitor through node's tunnel.
    /// </summary>
    public bool Guest { get; init; }

    /// <summary>Prometheus's scrape interval (also its scrape timeout).</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound for the whole bring-up; past it the lab is torn down and StartAsync throws.</summary>
    public TimeSpan BringUpTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Test hook: throw right after the named bring-up step (see <see cref="Lab.BringUpSteps"/>), to prove that
    /// a half-built lab is torn down completely. Never set outside the lab's own tests.
    /// </summary>
    internal string? FailAfterStep { get; init; }

    /// <summary>Test hook: called with the half-built lab when bring-up fails, just before it is torn down.</summary>
    internal Action<Lab>? OnBringUpFailed { get; init; }
}
