using System.Text.Json;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Tests.Firewall;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Daemon;

/// <summary>
/// The published daemon's status API and the published agentctl against it: curl over the Unix socket, the socket's
/// mode, `agentctl status` (human and --json) and its exit codes, `agentctl reload` waiting for the outcome, and the
/// metrics on the tunnel address.
/// </summary>
[Trait("lab", "level-1")]
public sealed class DaemonStatusApiTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Status_OverTheSocket_CurlAndAgentctlTellTheSameTruth()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 60), DaemonTestConfigs.Tunnel);
        await DaemonTestConfigs.BringUpTunnelAsync(scratch);
        await daemon.WaitForReadyAsync(Patience);

        var curl = await CommandRunner.RunAsync(["curl", "-sS", "--max-time", "5", "--unix-socket", daemon.SocketPath, "http://localhost/v1/status"]);
        var mode = await CommandRunner.RunAsync(["stat", "-c", "%a %U:%G %F", daemon.SocketPath]);
        var human = await CommandRunner.RunAsync([PublishedAgent.AgentCtl, "status", "--socket", daemon.SocketPath]);
        var json = await CommandRunner.RunAsync([PublishedAgent.AgentCtl, "status", "--json", "--socket", daemon.SocketPath]);
        output.WriteLine($"{curl.Stdout}\n{mode.Stdout}\n{human.Stdout}{human.Stderr}\nexit {human.ExitCode}\n{daemon.Log}");

        curl.EnsureSuccess();
        Assert.Equal("660 root:root socket", mode.Stdout.Trim());
        using var document = JsonDocument.Parse(curl.Stdout);
        var root = document.RootElement;
        Assert.Equal("wg0", root.GetProperty("tunnel").GetProperty("interface").GetString());
        Assert.True(root.GetProperty("tunnel").GetProperty("up").GetBoolean(), $"READY was sent, yet the status says wg0 is not up:\n{curl.Stdout}");
        Assert.Equal("verified", root.GetProperty("killswitch").GetProperty("state").GetString());
        // A veth named wg0 is no WireGuard interface: `wg show` fails, which the status must say rather than hide.
        Assert.NotEqual("ok", root.GetProperty("state").GetString());
        Assert.Contains("wg0", human.Stdout);
        Assert.Equal(1, human.ExitCode);
        Assert.Equal(1, json.ExitCode);
        using var again = JsonDocument.Parse(json.Stdout);
        Assert.Equal(root.GetProperty("killswitch").GetProperty("ruleset_sha256").GetString(),
            again.RootElement.GetProperty("killswitch").GetProperty("ruleset_sha256").GetString());
    }

    [Fact]
    public async Task Agentctl_DaemonNotRunning_ExitsTwoWithAHint()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"wgagent-absent-{Guid.NewGuid():N}.sock");

        var result = await CommandRunner.RunAsync([PublishedAgent.AgentCtl, "status", "--socket", missing]);
        output.WriteLine(result.Stderr);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Stderr);
        Assert.Contains("systemctl status wgagent", result.Stderr);
    }

    [Fact]
    public async Task Reload_BrokenThenGood_AgentctlWaitsAndReportsEach()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 1), DaemonTestConfigs.Tunnel);
        await daemon.WaitForReadyAsync(Patience);
        var good = await File.ReadAllTextAsync(daemon.ConfigPath);

        await File.WriteAllTextAsync(daemon.ConfigPath, good.Replace("egress = \"open\"", "egress = 1", StringComparison.Ordinal));
        var broken = await CommandRunner.RunAsync([PublishedAgent.AgentCtl, "reload", "--socket", daemon.SocketPath]);
        await File.WriteAllTextAsync(daemon.ConfigPath, good);
        var fixedUp = await CommandRunner.RunAsync([PublishedAgent.AgentCtl, "reload", "--socket", daemon.SocketPath]);
        output.WriteLine($"{broken.Stdout}{broken.Stderr}\n{fixedUp.Stdout}{fixedUp.Stderr}");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("previous policy is kept", broken.Stderr);
        Assert.Equal(0, fixedUp.ExitCode);
        Assert.Contains("is in force", fixedUp.Stdout);
    }

    [Fact]
    public async Task Metrics_OnTheTunnelAddress_PrometheusTextWithTheAgentsSeries()
    {
        await using var scratch = await Scratch.CreateAsync();
        await using var daemon = DaemonUnderTest.Start(scratch, wg => DaemonTestConfigs.Open(wg, waitSeconds: 60), DaemonTestConfigs.Tunnel);
        await DaemonTestConfigs.BringUpTunnelAsync(scratch);
        await daemon.WaitForReadyAsync(Patience);

        CommandResult? metrics = null;
        for (var attempt = 0; attempt < 30 && metrics is not { Succeeded: true }; attempt++)
        {
            metrics = await CommandRunner.RunAsync(["ip", "netns", "exec", scratch.Name, "curl", "-sS", "--max-time", "2", "http://10.77.0.2:9586/metrics"]);
            if (!metrics.Succeeded)
            {
                await Task.Delay(200);
            }
        }

        output.WriteLine(metrics!.Stdout + metrics.Stderr);
        metrics.EnsureSuccess();
        Assert.Contains("wgagent_up 1", metrics.Stdout);
        Assert.Contains("wgagent_killswitch_verified 1", metrics.Stdout);
        Assert.Contains("wgagent_tunnel_up{interface=\"wg0\"} 1", metrics.Stdout);
    }
}
