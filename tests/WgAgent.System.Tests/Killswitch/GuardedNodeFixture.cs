using WgAgent.Lab.Agent;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// The lab with an external node tunnel, and a Debian 12 booted in node's namespace with wgagent installed
/// at the package's paths: the kill-switch unit, the wg-quick@ and nftables.service drop-ins, the lab's
/// /etc/wgagent.toml (egress only through the tunnel) and wg0.conf; nftables.service, the kill switch and
/// wg-quick@wg0 enabled. One boot per collection. Not sealed: a variant (<see cref="MalformedTunnelFixture"/>) breaks
/// one file before the boot.
/// </summary>
public class GuardedNodeFixture : BootedLabFixture
{
    /// <inheritdoc />
    protected override string What => "guarded node";

    /// <summary>"degraded" is accepted only so that a failed unit's journal can be read before the host goes.</summary>
    protected override bool AcceptDegraded => true;

    /// <inheritdoc />
    protected override string SetupIncludes => "rootfs cache check and install included";

    /// <summary>A stale publish is the likeliest failure and says what to do.</summary>
    protected override Task BeforeLabAsync() => PublishedAgent.EnsureKillswitchVerbAsync();

    /// <inheritdoc />
    protected override Task PrepareAsync(BootedHost booted) =>
        AgentInstaller.InstallGuardedNodeAsync(booted, Lab.NodeTunnel, LabAgentConfig.TunnelEgress());

    /// <summary>A boot that did not end "running" fails the fixture with what the agent's units logged.</summary>
    protected override async Task AfterBootAsync(BootedHost booted)
    {
        var state = (await booted.ExecAsync(["systemctl", "is-system-running"])).Stdout.Trim();
        if (state == "running")
        {
            return;
        }

        var failed = (await booted.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).Stdout.Trim();
        var journal = await booted.ExecAsync(
        [
            "journalctl", "--boot", "--no-pager", "--output=short-monotonic",
            "--unit", AgentPackage.KillswitchUnit, "--unit", "wg-quick@wg0.service", "--unit", "nftables.service",
        ]);
        throw new InvalidOperationException(
            $"the guarded node booted {state}; failed units:\n{failed}\njournal of the agent's units:\n{journal.Stdout.Trim()}");
    }
}
