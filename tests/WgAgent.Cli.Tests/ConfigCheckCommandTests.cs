namespace WgAgent.Cli.Tests;

/// <summary><c>agentctl config check</c> on real files: exit codes, diagnostics, the policy summary.</summary>
public sealed class ConfigCheckCommandTests : IDisposable
{
    private const string Tunnel = """
        [Interface]
        PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
        Address = 10.0.0.2/24
        ListenPort = 51820
        FwMark = 0xca6c

        [Peer]
        PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
        Endpoint = 203.0.113.1:51820
        AllowedIPs = 10.0.0.1/32
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("agentctl-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string AgentConfig(string body) =>
        Write("wgagent.toml", $"[wireguard]\nconfig = \"{Path.Combine(_dir, "wg0.conf")}\"\n{body}");

    [Fact]
    public async Task Check_ValidFiles_PrintsThePolicyAndExitsZero()
    {
        Write("wg0.conf", Tunnel);
        var config = AgentConfig("[killswitch]\negress = \"tunnel\"\n");

        var (exitCode, stdout, _) = await ToolProcess.RunAsync("agentctl", "config", "check", config);

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"{config}: ok; {Path.Combine(_dir, "wg0.conf")}: ok", stdout, StringComparison.Ordinal);
        Assert.Contains("egress     tunnel: out only via wg0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenAgentConfig_PrintsPositionedErrorsAndExitsOne()
    {
        Write("wg0.conf", Tunnel);
        var config = AgentConfig("[killswitch]\negres = \"tunnel\"\n");

        var (exitCode, stdout, _) = await ToolProcess.RunAsync("agentctl", "config", "check", config);

        Assert.Equal(1, exitCode);
        var lines = stdout.Split('\n');
        Assert.Equal($"{config}:4:1: error: killswitch.egres: unknown key \"egres\" in [killswitch]", lines[0]);
        Assert.Equal("  hint: did you mean \"egress\"?", lines[1]);
        Assert.StartsWith("1 error, 0 warnings", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenWireGuardConfig_ReportsItsLineAndExitsOne()
    {
        var wg = Write("wg0.conf", Tunnel.Replace("ListenPort = 51820", "ListenPort = 70000", StringComparison.Ordinal));
        var config = AgentConfig("");

        var (exitCode, stdout, _) = await ToolProcess.RunAsync("agentctl", "config", "check", config);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{wg}:4:14: error: Interface.ListenPort: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingFile_SaysSoAndExitsOne()
    {
        var missing = Path.Combine(_dir, "nope.toml");

        var (exitCode, stdout, _) = await ToolProcess.RunAsync("agentctl", "config", "check", missing);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"{missing}: error: cannot read the agent config: no such file", stdout, StringComparison.Ordinal);
    }
}
