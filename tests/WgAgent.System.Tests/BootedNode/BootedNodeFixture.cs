using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;

namespace WgAgent.System.Tests.BootedNode;

/// <summary>
/// The level-1 lab with an external node tunnel, and a real Debian 12 booted inside node's namespace
/// that brings up wg-quick@wg0 from the lab's wg0.conf. One per collection: booting costs time.
/// </summary>
public sealed class BootedNodeFixture : BootedLabFixture
{
    /// <inheritdoc />
    protected override string What => "booted node";

    /// <inheritdoc />
    protected override async Task PrepareAsync(BootedHost booted)
    {
        // wg-quick(8) warns about, and wgagent will refuse, a world-readable private key: the installer writes it rw-------.
        await AgentInstaller.InstallTunnelConfigAsync(booted, Lab.NodeTunnel);
        await booted.EnableUnitAsync($"wg-quick@{TunnelConfig.InterfaceName}.service");
    }
}
