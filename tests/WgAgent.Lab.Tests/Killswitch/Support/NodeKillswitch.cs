using System.Diagnostics;
using System.Net;
using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.WireGuard;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Nftables;
using WgAgent.Lab.Probes;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>
/// The kill switch on the lab's node, the way wgagent computes it: wgagent.toml text → <see cref="AgentConfigReader"/>,
/// the node's real wg0.conf → <see cref="WireGuardConfigReader"/>, <see cref="KillswitchPolicyBuilder"/>, then
/// <see cref="NftRuleset"/>'s transaction piped into <c>nft -f -</c> inside node (never anywhere else). Every change is
/// verified against the kernel's listing and its time printed.
/// </summary>
internal sealed class NodeKillswitch(Lab lab, ITestOutputHelper output)
{
    /// <summary>The paths the configs are read "from" (for diagnostics only: nothing is read from disk).</summary>
    public const string AgentConfigPath = "/etc/wgagent.toml";

    public const string WireGuardConfigPath = "/etc/wireguard/wg0.conf";

    /// <summary>Renders the posture's table for this lab's node, failing the test on any config error.</summary>
    public string Render(Posture posture)
    {
        var config = AgentConfigReader.Read(Encoding.UTF8.GetBytes(posture.ToToml(WireGuardConfigPath)), AgentConfigPath);
        Assert.True(config.Succeeded, $"wgagent.toml for {posture}: {string.Join("; ", config.Diagnostics)}");
        var tunnel = WireGuardConfigReader.Read(lab.NodeTunnel.ToWgQuickConfig(), WireGuardConfigPath);
        Assert.True(tunnel.Succeeded, $"node's wg0.conf: {string.Join("; ", tunnel.Diagnostics)}");
        return NftRuleset.RenderTable(KillswitchPolicyBuilder.Build(config.Config!, tunnel.Config));
    }

    /// <summary>Replaces table inet wgagent with the posture's (one transaction) and checks the kernel holds it.</summary>
    public async Task ApplyAsync(Posture posture)
    {
        var table = Render(posture);
        var stopwatch = Stopwatch.StartNew();
        var nft = await lab.Node.ApplyNftAsync(NftRuleset.Transaction(table));
        var applied = stopwatch.Elapsed;
        var listing = await lab.Node.ListNftTableAsync(NftRuleset.Family, NftRuleset.TableName);
        Assert.True(listing is not null && NftListing.Matches(listing, table),
            $"table inet wgagent after applying {posture}: {(listing is null ? "missing" : NftListing.FirstDifference(listing, table))}");
        output.WriteLine($"applied {posture}: {applied.TotalMilliseconds:0} ms (nft -f through nsenter {nft.TotalMilliseconds:0} ms), " +
            $"verified after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>Removes the table (also when absent) and checks it is gone: the "without the policy" control.</summary>
    public async Task RemoveAsync()
    {
        var elapsed = await lab.Node.ApplyNftAsync(NftRuleset.DeleteTransaction);
        Assert.Null(await lab.Node.ListNftTableAsync(NftRuleset.Family, NftRuleset.TableName));
        output.WriteLine($"removed table inet wgagent: {elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>Runs a probe from any lab host and prints its result (outcome and time), so the log shows every one.</summary>
    public async Task<ProbeResult> ProbeAsync(LabHost from, ProbeKind kind, IPAddress target, int port, TimeSpan timeout)
    {
        var result = await from.ProbeAsync(kind, target, port, timeout);
        output.WriteLine($"  {result}");
        return result;
    }

    /// <summary>
    /// The shape of every "blocked" test: <paramref name="probe"/> runs without the table (the control, patiently), then
    /// under <paramref name="posture"/> with <paramref name="blockedTimeout"/>, reading <paramref name="counter"/> (if
    /// named) around that second run. Asserting is left to <see cref="ControlledProbes.AssertBlocked"/> and the test.
    /// </summary>
    public async Task<ControlledProbes> BlockedAfterControlAsync(
        Posture posture, TimeSpan blockedTimeout, string? counter, Func<TimeSpan, Task<ProbeResult[]>> probe)
    {
        await RemoveAsync();
        var controls = await probe(ProbeAssert.Patient);
        await ApplyAsync(posture);
        var before = counter is null ? 0 : await PacketsAsync(counter);
        var since = DateTimeOffset.UtcNow;

        var blocked = await probe(blockedTimeout);

        var after = counter is null ? 0 : await PacketsAsync(counter);
        return new ControlledProbes(controls, blocked, since, counter, before, after);
    }

    /// <summary>The control-then-block pattern for one probe from <paramref name="from"/>.</summary>
    public Task<ControlledProbes> BlockedAfterControlAsync(
        LabHost from, ProbeKind kind, IPAddress target, int port, Posture posture, TimeSpan blockedTimeout, string? counter = null) =>
        BlockedAfterControlAsync(posture, blockedTimeout, counter, async timeout => [await ProbeAsync(from, kind, target, port, timeout)]);

    /// <summary>Packets a named counter of the table has counted (<see cref="NftCounters"/>).</summary>
    public async Task<long> PacketsAsync(string counter) =>
        (await lab.Node.ReadNftCounterAsync(NftRuleset.Family, NftRuleset.TableName, counter)).Packets;
}
