using System.Text.Json;
using WgAgent.Lab.Addressing;
using WgAgent.System.Tests.Booting;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>
/// <c>curl --unix-socket /run/wgagent/agent.sock http://localhost/v1/status</c> on the booted node tells the truth of a
/// healthy host: ok, the monitor's peer with a recent handshake, the kill switch verified and matching, node_exporter
/// bound to exactly the tunnel addresses; <c>/v1/killswitch</c> and <c>agentctl killswitch show</c> agree.
/// </summary>
[Collection(StatusApiCollection.Name)]
public sealed class StatusDocumentTests(StatusApiFixture fixture, ITestOutputHelper output)
    : BootedLabTests<StatusApiFixture>(fixture, output)
{
    // WireGuard renews a session every 2 minutes while traffic flows; the status calls older than 3 minutes stale.
    private const int RecentHandshakeSeconds = 180;

    [Fact]
    public void Ready_AfterBoot_AgentctlStatusExitsZero()
    {
        var ready = Fixture.Ready.Record;
        Output.WriteLine(Invariant($"agentctl status exit 0 after {ready.Waited.TotalSeconds:0.00} s of polling ({ready.Attempts} calls) after the boot; STATUS={ready.StatusText}"));

        Assert.True(ready.LastStatus.ExitCode == 0, $"{ready.LastStatus.Describe()}\n{ready.LastStatus.Stdout}\njournal:\n{ready.Journal}");
    }

    [Fact]
    public void Status_CurlOverTheSocket_OkWithPeerKillswitchAndExporter()
    {
        var curl = Fixture.Reads.Record.StatusCurl;
        Output.WriteLine($"$ {Inside(curl)}   ({curl.Elapsed.TotalMilliseconds:0} ms)\n{curl.Stdout}");
        Assert.True(curl.Succeeded, curl.Describe());
        Assert.Equal("200", StatusApiJson.Code(curl));
        using var document = JsonDocument.Parse(StatusApiJson.Body(curl));
        var root = document.RootElement;
        var tunnel = root.GetProperty("tunnel");
        var killswitch = root.GetProperty("killswitch");
        var monitorKey = Fixture.Lab.MonitorTunnel.Keys.PublicKey;
        var monitor = tunnel.GetProperty("peers").EnumerateArray().SingleOrDefault(p => p.GetProperty("public_key").GetString() == monitorKey);
        var node = Assert.Single(root.GetProperty("exporters").EnumerateArray(), e => e.GetProperty("name").GetString() == "node");

        Assert.Equal("ok", root.GetProperty("state").GetString());
        Assert.Empty(root.GetProperty("problems").EnumerateArray());
        Assert.True(tunnel.GetProperty("up").GetBoolean());
        Assert.Equal(JsonValueKind.Object, monitor.ValueKind);
        Assert.NotEqual(JsonValueKind.Null, monitor.GetProperty("latest_handshake").ValueKind);
        var age = monitor.GetProperty("latest_handshake_age_seconds").GetInt64();
        Assert.InRange(age, 0, RecentHandshakeSeconds);
        Assert.Equal("verified", killswitch.GetProperty("state").GetString());
        Assert.True(killswitch.GetProperty("match").GetBoolean());
        Assert.Equal("bound", node.GetProperty("state").GetString());
        string[] tunnelAddresses = [LabAddresses.Node.RequiredTunnelV4.ToString(), LabAddresses.Node.RequiredTunnelV6.ToString()];
        Assert.Equal(tunnelAddresses, Strings(node.GetProperty("expected_addresses")));
        Assert.Equal(tunnelAddresses, Strings(node.GetProperty("actual_addresses")));
        Output.WriteLine(Invariant($"monitor's peer: handshake {age} s before generated_at; ruleset sha256 {killswitch.GetProperty("ruleset_sha256").GetString()}"));
    }

    [Fact]
    public void Killswitch_CurlAndAgentctlShow_TableMatchesTheExpectedOne()
    {
        var reads = Fixture.Reads.Record;
        var show = reads.KillswitchShow;
        Output.WriteLine($"$ {Inside(show)}   (exit {show.ExitCode}, {show.Elapsed.TotalMilliseconds:0} ms)\n{show.Stdout}{show.Stderr}");
        Assert.True(reads.KillswitchCurl.Succeeded, reads.KillswitchCurl.Describe());
        using var document = JsonDocument.Parse(StatusApiJson.Body(reads.KillswitchCurl));
        var root = document.RootElement;

        Assert.True(root.GetProperty("match").GetBoolean(), reads.KillswitchCurl.Stdout);
        Assert.Equal("verified", root.GetProperty("state").GetString());
        Assert.Contains("table inet wgagent", root.GetProperty("applied_ruleset").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        Assert.StartsWith("table inet wgagent {", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("matches the expected table", show.Stdout, StringComparison.Ordinal);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
}
