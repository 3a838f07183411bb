using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;
using WgAgent.Lab.Installing;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// A guarded node (wgagent installed as in <see cref="GuardedNodeFixture"/>, egress = "tunnel") whose wg0.conf was
/// broken the way seed 002 shows: Mullvad's PostUp iptables kill switch, and an Address line without a value, so
/// wg-quick fails at <c>ip -4 address add Address dev wg0</c>, before its PostUp ever runs. Its own boot: the table
/// wgagent loads at boot from a broken config is on trial, on a node that never had a good one (no last-good).
/// </summary>
public sealed class MalformedTunnelFixture : GuardedNodeFixture
{
    /// <summary>Seed 002's malformed line, comment included (wg-quick and wgagent both drop the comment).</summary>
    public const string MalformedAddressLine = "Address  # This malformed configuration leads to an error";

    // Mullvad's generated kill switch (seed 002): it exists only once wg-quick reaches PostUp.
    private const string MullvadPostUp =
        "PostUp = iptables -I OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT"
        + " && ip6tables -I OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT";

    /// <inheritdoc />
    protected override string What => "node with a malformed wg0.conf";

    /// <summary>The lab node's wg0.conf with its Address line replaced by seed 002's and the PostUp hook after it.</summary>
    public static string Malform(string wgQuickConfig)
    {
        var lines = wgQuickConfig.Split('\n').ToList();
        var address = lines.FindIndex(l => l.StartsWith("Address = ", StringComparison.Ordinal));
        if (address < 0)
        {
            throw new InvalidOperationException($"no Address line to break in:\n{wgQuickConfig}");
        }

        lines[address] = MalformedAddressLine;
        lines.Insert(address + 1, MullvadPostUp);
        return string.Join('\n', lines);
    }

    /// <summary>The guarded node's files and units, then wg0.conf overwritten with the malformed one.</summary>
    protected override async Task PrepareAsync(BootedHost booted)
    {
        await base.PrepareAsync(booted);
        await booted.WriteFileAsync(
            $"/etc/wireguard/{TunnelConfig.InterfaceName}.conf", Malform(Lab.NodeTunnel.ToWgQuickConfig()), AgentInstaller.SecretMode);
    }

    /// <summary>No "running" check: wg-quick@wg0 fails by design, so the boot ends "degraded"; the tests say which units failed.</summary>
    protected override Task AfterBootAsync(BootedHost booted) => Task.CompletedTask;
}
