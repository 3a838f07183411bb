using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.WireGuard;

namespace WgAgent.Firewall.Tests.Support;

/// <summary>A temporary directory with wgagent.toml, wg0.conf and a state directory; removed on dispose.</summary>
internal sealed class AgentFiles : IDisposable
{
    private readonly DirectoryInfo root = System.IO.Directory.CreateTempSubdirectory("wgk-fwt-files-");

    public AgentFiles(string? agent = null, string? tunnel = null)
    {
        WriteTunnel(tunnel ?? TestConfigs.Tunnel());
        WriteAgent(agent ?? TestConfigs.Agent(TunnelPath));
    }

    public string Directory => root.FullName;

    public string AgentPath => Path.Combine(Directory, "wgagent.toml");

    public string TunnelPath => Path.Combine(Directory, "wg0.conf");

    public string StateDirectory => Path.Combine(Directory, "state");

    public string LastGoodPath => Path.Combine(StateDirectory, LastGoodStore.FileName);

    public void WriteAgent(string text) => File.WriteAllText(AgentPath, text);

    public void WriteTunnel(string text) => File.WriteAllText(TunnelPath, text);

    /// <summary>The table the current files should produce, computed in-process from the same pure code.</summary>
    public string ExpectedTable()
    {
        var agent = AgentConfigReader.Read(File.ReadAllBytes(AgentPath), AgentPath);
        var tunnel = WireGuardConfigReader.Read(File.ReadAllText(TunnelPath, Encoding.UTF8), TunnelPath);
        Assert.True(agent.Succeeded && tunnel.Succeeded, "the test's own config must be valid");
        return NftRuleset.RenderTable(KillswitchPolicyBuilder.Build(agent.Config!, tunnel.Config!));
    }

    public void Dispose() => root.Delete(recursive: true);
}
