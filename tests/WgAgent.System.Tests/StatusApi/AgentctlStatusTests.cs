using System.Text.Json;
using System.Text.RegularExpressions;
using WgAgent.System.Tests.Booting;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>
/// <c>agentctl status</c> on the booted node: the dense human view and <c>--json</c>; exit 0 healthy, 1 with the
/// exporter stopped (a problem naming it), 2 with the daemon stopped; 0 again once each is started.
/// </summary>
[Collection(StatusApiCollection.Name)]
public sealed partial class AgentctlStatusTests(StatusApiFixture fixture, ITestOutputHelper output)
    : BootedLabTests<StatusApiFixture>(fixture, output)
{
    [Fact]
    public void Status_Human_TunnelPeersKillswitchExporters()
    {
        var reads = Fixture.Reads.Record;
        var status = reads.Status;
        Output.WriteLine($"$ agentctl status   (exit {status.ExitCode}, {status.Elapsed.TotalMilliseconds:0} ms; `wg show wg0` {reads.WgShow.Elapsed.TotalMilliseconds:0} ms, both through nsenter)\n{status.Stdout}{status.Stderr}");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("interface: wg0 (up)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains($"peer: {Fixture.Lab.MonitorTunnel.Keys.PublicKey}", status.Stdout, StringComparison.Ordinal);
        Assert.Matches(HandshakeAgo(), status.Stdout);
        Assert.Contains("kill switch: verified", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("exporters:", status.Stdout, StringComparison.Ordinal);
        Assert.Matches(NodeBound(), status.Stdout);
        Assert.Empty(status.Stderr);
    }

    [Fact]
    public void Status_Json_ParsesAndSaysOk()
    {
        var json = Fixture.Reads.Record.StatusJson;

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("ok", document.RootElement.GetProperty("state").GetString());
        Output.WriteLine(Invariant($"agentctl status --json: {json.Stdout.Length} bytes, exit 0, {json.Elapsed.TotalMilliseconds:0} ms"));
    }

    [Fact]
    public void Status_ExporterStopped_ExitsOneWithAProblemNamingIt()
    {
        var record = Fixture.ExitCodes.Record;
        Output.WriteLine($"before: exit {record.Healthy.ExitCode}");
        Output.WriteLine(Invariant($"$ {Inside(record.ExporterStop)}: exit {record.ExporterStop.ExitCode}; agentctl status exit {record.Degraded.ExitCode} {record.DegradedAfter.TotalMilliseconds:0} ms later:\n{record.Degraded.Stdout}{record.Degraded.Stderr}"));
        Output.WriteLine(Invariant($"started again: exit {record.Recovered.ExitCode} after {record.RecoveredAfter.TotalMilliseconds:0} ms"));

        Assert.Equal(0, record.Healthy.ExitCode);
        Assert.True(record.ExporterStop.Succeeded, record.ExporterStop.Describe());
        Assert.Equal(1, record.Degraded.ExitCode);
        Assert.Contains("exporter node (prometheus-node-exporter.service)", record.Degraded.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(record.DegradedJson.Stdout);
        Assert.Equal("degraded", document.RootElement.GetProperty("state").GetString());
        Assert.Contains(document.RootElement.GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("code").GetString() == "exporter-not-listening"
                && p.GetProperty("message").GetString()!.Contains("exporter node", StringComparison.Ordinal));
        Assert.Equal(0, record.Recovered.ExitCode);
    }

    [Fact]
    public void Status_DaemonStopped_ExitsTwoCannotReach()
    {
        var record = Fixture.ExitCodes.Record;
        Output.WriteLine($"$ {Inside(record.DaemonStop)}: exit {record.DaemonStop.ExitCode}\n$ agentctl status (exit {record.Unreachable.ExitCode}):\n{record.Unreachable.Stdout}{record.Unreachable.Stderr}");
        Output.WriteLine($"nft list tables meanwhile:\n{record.TablesWhileStopped.Stdout}");
        Output.WriteLine(Invariant($"$ {Inside(record.DaemonStart)}: exit {record.DaemonStart.ExitCode} ({record.DaemonStart.Elapsed.TotalMilliseconds:0} ms); exit {record.BackAgain.ExitCode} {record.BackAfter.TotalMilliseconds:0} ms later"));

        Assert.True(record.DaemonStop.Succeeded, record.DaemonStop.Describe());
        Assert.Equal(2, record.Unreachable.ExitCode);
        Assert.Contains($"cannot reach wgagent at {StatusApiFixture.SocketPath}", record.Unreachable.Stderr, StringComparison.Ordinal);
        Assert.Contains("systemctl status wgagent", record.Unreachable.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, record.BackAgain.ExitCode);
    }

    // "latest handshake: 4s ago", "1m 47s ago" (HumanUnits.Ago).
    [GeneratedRegex(@"latest handshake: (\d+[smhd] )?\d+[smhd] ago")]
    private static partial Regex HandshakeAgo();

    [GeneratedRegex(@"\n  node +:9100 +bound +on 10\.77\.0\.2, fd77::2")]
    private static partial Regex NodeBound();
}
