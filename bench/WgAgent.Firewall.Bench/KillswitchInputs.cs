using System.Diagnostics;
using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.WireGuard;

namespace WgAgent.Firewall.Bench;

/// <summary>
/// One benchmark input: the two config files <c>bench/killswitch_inputs.py</c> writes (the very files
/// <c>bench/killswitch.sh</c> hands to the published binary), read and checked once, and what is derived from them.
/// </summary>
public sealed class KillswitchInputs
{
    private KillswitchInputs(string directory)
    {
        ConfigPath = Path.Combine(directory, "wgagent.toml");
        TunnelPath = Path.Combine(directory, "wg0.conf");
        ConfigBytes = File.ReadAllBytes(ConfigPath);
        TunnelText = File.ReadAllText(TunnelPath, Encoding.UTF8);
        var read = AgentConfigReader.Read(ConfigBytes, ConfigPath);
        var tunnel = WireGuardConfigReader.Read(TunnelText, TunnelPath);
        Config = read.Config ?? throw new InvalidOperationException($"{ConfigPath}: {string.Join("; ", read.Diagnostics)}");
        Tunnel = tunnel.Config ?? throw new InvalidOperationException($"{TunnelPath}: {string.Join("; ", tunnel.Diagnostics)}");
        Policy = KillswitchPolicyBuilder.Build(Config, Tunnel);
        Table = NftRuleset.RenderTable(Policy);
        // The kernel's own listing when bench/killswitch.sh saved one (nft wraps and orders set elements its own
        // way, which is the work Normalize exists for); else the rendered table, which is in the listing format.
        var listing = Path.Combine(directory, "listing.nft");
        Listing = File.Exists(listing) ? File.ReadAllText(listing, Encoding.UTF8) : Table;
    }

    /// <summary>The agent config's path.</summary>
    public string ConfigPath { get; }

    /// <summary>The wg0.conf's path.</summary>
    public string TunnelPath { get; }

    /// <summary>wgagent.toml as read from disk.</summary>
    public byte[] ConfigBytes { get; }

    /// <summary>wg0.conf as read from disk.</summary>
    public string TunnelText { get; }

    /// <summary>The checked agent config.</summary>
    public AgentConfig Config { get; }

    /// <summary>The checked wg0.conf.</summary>
    public WireGuardConfig Tunnel { get; }

    /// <summary>The policy.</summary>
    public KillswitchPolicy Policy { get; }

    /// <summary>The rendered table.</summary>
    public string Table { get; }

    /// <summary>A listing of the table: nft's when available.</summary>
    public string Listing { get; }

    /// <summary>Loads <c>small</c> or <c>large</c> from WGAGENT_BENCH_KILLSWITCH_INPUTS, else generates them into a
    /// temp directory with <c>bench/killswitch_inputs.py</c>.</summary>
    /// <param name="name">small or large.</param>
    /// <returns>The input.</returns>
    public static KillswitchInputs Load(string name) => new(Path.Combine(Directory(), name));

    private static string Directory()
    {
        if (Environment.GetEnvironmentVariable("WGAGENT_BENCH_KILLSWITCH_INPUTS") is { Length: > 0 } given)
        {
            return given;
        }

        var generated = Path.Combine(Path.GetTempPath(), "wgagent-bench-killswitch");
        if (!File.Exists(Path.Combine(generated, "large", "wgagent.toml")))
        {
            var script = Path.Combine(RepositoryRoot(), "bench", "killswitch_inputs.py");
            using var python = Process.Start("python3", [script, generated]);
            python.WaitForExit();
            if (python.ExitCode != 0)
            {
                throw new InvalidOperationException($"{script} exited {python.ExitCode}");
            }
        }

        return generated;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Agent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("set WGAGENT_BENCH_KILLSWITCH_INPUTS: no Agent.sln above " + AppContext.BaseDirectory);
    }
}
