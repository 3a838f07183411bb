using System.Diagnostics;
using WgAgent.Lab;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;

namespace WgAgent.System.Tests.BootedNode;

/// <summary>
/// The level-1 lab with an external node tunnel, and a real Debian 12 booted inside node's namespace
/// that brings up wg-quick@wg0 from the lab's wg0.conf. One per collection: booting costs time.
/// </summary>
public sealed class BootedNodeFixture : LabFixture
{
    private BootedHost? host;

    /// <summary>The booted node; throws if setup failed (its exception is then the fixture's error).</summary>
    public BootedHost Host => host ?? throw new InvalidOperationException("the booted node is not up (see the fixture's setup error)");

    /// <summary>How long the lab and the boot took, for the test output.</summary>
    public string Timings { get; private set; } = string.Empty;

    /// <summary>Lab, then host; if the boot fails the lab is torn down too, and the boot error is thrown.</summary>
    public override async Task InitializeAsync()
    {
        var setup = Stopwatch.StartNew();
        await base.InitializeAsync();
        try
        {
            var conf = Lab.NodeTunnel.ToWgQuickConfig();
            host = await BootedHost.StartAsync(
                new BootedHostOptions { NetworkNamespacePath = Lab.Node.NamespacePath, MachineNamePrefix = $"wgl2-{Lab.Id}" },
                async h =>
                {
                    // wg-quick(8) warns about, and wgagent will refuse, a world-readable private key.
                    await h.WriteFileAsync($"/etc/wireguard/{TunnelConfig.InterfaceName}.conf", conf, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    await h.EnableUnitAsync($"wg-quick@{TunnelConfig.InterfaceName}.service");
                });
        }
        catch
        {
            await base.DisposeAsync();
            throw;
        }

        Timings = $"lab bring-up {BringUpTime.TotalSeconds:0.00} s, boot {host.BootDuration!.Value.TotalSeconds:0.00} s, "
            + $"fixture setup {setup.Elapsed.TotalSeconds:0.00} s (rootfs cache check included)";
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
}
