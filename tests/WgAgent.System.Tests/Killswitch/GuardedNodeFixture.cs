using WgAgent.Lab.Agent;
using System.Diagnostics;
using WgAgent.Lab;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Installing;

namespace WgAgent.System.Tests.Killswitch;

/// <summary>
/// The lab with an external node tunnel, and a Debian 12 booted in node's namespace with wgagent installed
/// at the package's paths: the kill-switch unit, the wg-quick@ and nftables.service drop-ins, the lab's
/// /etc/wgagent.toml (egress only through the tunnel) and wg0.conf; nftables.service, the kill switch and
/// wg-quick@wg0 enabled. One boot per collection.
/// </summary>
public sealed class GuardedNodeFixture : LabFixture
{
    private BootedHost? host;

    /// <summary>The booted node; throws if setup failed (its exception is then the fixture's error).</summary>
    public BootedHost Host => host ?? throw new InvalidOperationException("the guarded node is not up (see the fixture's setup error)");

    /// <summary>How long the lab and the boot took, for the test output.</summary>
    public string Timings { get; private set; } = string.Empty;

    /// <summary>Checks the published binary, brings up the lab, installs and boots; tears everything down if a step fails.</summary>
    public override async Task InitializeAsync()
    {
        var setup = Stopwatch.StartNew();
        // First, before any namespace exists: a stale publish is the likeliest failure and says what to do.
        await PublishedAgent.EnsureKillswitchVerbAsync();
        await base.InitializeAsync();
        try
        {
            // "degraded" is accepted only so that a failed unit's journal can be read before the host goes.
            host = await BootedHost.StartAsync(
                new BootedHostOptions { NetworkNamespacePath = Lab.Node.NamespacePath, MachineNamePrefix = $"wgl2-{Lab.Id}", AcceptDegraded = true },
                h => AgentInstaller.InstallGuardedNodeAsync(h, Lab.NodeTunnel, LabAgentConfig.TunnelEgress()));
            await EnsureRunningAsync(host);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        Timings = $"lab bring-up {BringUpTime.TotalSeconds:0.00} s, boot {host.BootDuration!.Value.TotalSeconds:0.00} s, "
            + $"fixture setup {setup.Elapsed.TotalSeconds:0.00} s (rootfs cache check and install included)";
    }

    /// <summary>Host first (it lives in the lab's node namespace), then the lab.</summary>
    public override async Task DisposeAsync()
    {
        try
        {
            if (host is not null)
            {
                await host.DisposeAsync();
                host = null;
            }
        }
        finally
        {
            await base.DisposeAsync();
        }
    }

    /// <summary>The lab with node's wg0 and node_exporter left to the booted host.</summary>
    protected override LabOptions CreateOptions() => new() { ExternalNodeTunnel = true };

    // A boot that did not end "running" fails the fixture with what the agent's units logged.
    private static async Task EnsureRunningAsync(BootedHost booted)
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
