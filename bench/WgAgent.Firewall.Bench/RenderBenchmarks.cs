using BenchmarkDotNet.Attributes;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.WireGuard;

namespace WgAgent.Firewall.Bench;

/// <summary>
/// The in-process steps of <c>killswitch up</c>'s full path, each on its own, for the realistic host and for
/// 10,000 scrapers + 10,000 LAN networks: reading and checking both files, building the policy, rendering the table,
/// and normalizing a listing (verify runs it on the kernel's listing and on the rendered table).
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private KillswitchInputs _inputs = null!;

    /// <summary>small: the realistic host; large: 10,000 scrapers + 10,000 LAN networks.</summary>
    [Params("small", "large")]
    public string Policy { get; set; } = "small";

    [GlobalSetup]
    public void Setup() => _inputs = KillswitchInputs.Load(Policy);

    [Benchmark(Description = "read + check both files")]
    public object ReadConfigs()
    {
        var config = AgentConfigReader.Read(_inputs.ConfigBytes, _inputs.ConfigPath);
        var tunnel = WireGuardConfigReader.Read(_inputs.TunnelText, _inputs.TunnelPath);
        return ConfigCrossCheck.Check(config.Config!, _inputs.ConfigPath, tunnel.Config!);
    }

    [Benchmark(Description = "KillswitchPolicyBuilder.Build")]
    public KillswitchPolicy Build() => KillswitchPolicyBuilder.Build(_inputs.Config, _inputs.Tunnel);

    [Benchmark(Description = "NftRuleset.RenderTable")]
    public string Render() => NftRuleset.RenderTable(_inputs.Policy);

    [Benchmark(Description = "Build + RenderTable")]
    public string BuildAndRender() => NftRuleset.RenderTable(KillswitchPolicyBuilder.Build(_inputs.Config, _inputs.Tunnel));

    [Benchmark(Description = "NftListing.Normalize (listing)")]
    public string Normalize() => NftListing.Normalize(_inputs.Listing);
}
