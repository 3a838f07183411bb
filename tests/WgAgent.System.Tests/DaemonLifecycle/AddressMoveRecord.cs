using WgAgent.Lab.Addressing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// wg0 deleted and created again by <c>systemctl restart wg-quick@wg0</c> with wg0.conf's Address moved from
/// <see cref="From"/> to <see cref="To"/>, watched from inside the node by <see cref="SamplerScripts.Listeners"/>.
/// </summary>
public sealed record AddressMoveRecord
{
    /// <summary>The tunnel addresses before.</summary>
    public required HostAddresses From { get; init; }

    /// <summary>The tunnel addresses after.</summary>
    public required HostAddresses To { get; init; }

    /// <summary>The restart.</summary>
    public required CommandResult Restart { get; init; }

    /// <summary>What listened and which tunnel addresses the node had, sample by sample, through the change.</summary>
    public required ListenerTrace Trace { get; init; }

    /// <summary>What listens on :9100 once settled.</summary>
    public required IReadOnlyList<string> ListenersAfter { get; init; }

    /// <summary>curl from monitor to the exporter on <see cref="To"/>'s IPv4 and IPv6 addresses, over the tunnel.</summary>
    public required IReadOnlyList<CommandResult> Scrapes { get; init; }

    /// <summary>The journal from just before the change until the scrapes.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>The exporter endpoints on <see cref="To"/>, as ss(8) prints them.</summary>
    public IReadOnlyList<string> ToEndpoints => Endpoints(To);

    /// <summary>The exporter endpoints on <paramref name="addresses"/>, as ss(8) prints them.</summary>
    public static IReadOnlyList<string> Endpoints(HostAddresses addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return [$"{addresses.RequiredTunnelV4}:{LabPorts.NodeExporter}", $"[{addresses.RequiredTunnelV6}]:{LabPorts.NodeExporter}"];
    }
}
