using System.Diagnostics;
using WgAgent.Core.Status;
using static WgAgent.Core.Tests.Status.StatusFixtures;

namespace WgAgent.Core.Tests.Status;

public sealed class MetricsTextTests
{
    [Theory]
    [InlineData("ok")]
    [InlineData("degraded")]
    public void Render_Status_EqualsGoldenFile(string which)
    {
        var text = MetricsText.Render(StatusComposer.Compose(StatusTextViewTests.Inputs(which)));

        StatusGoldenFiles.Verify($"metrics.{which}.prom", text);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("degraded")]
    [InlineData("error")]
    public void Render_Status_PromtoolAcceptsIt(string which)
    {
        var text = MetricsText.Render(StatusComposer.Compose(StatusTextViewTests.Inputs(which)));

        AssertPromtoolAccepts(text);
    }

    [Fact]
    public void Render_LabelValuesWithQuotesBackslashesNewlines_EscapedAndPromtoolAcceptsIt()
    {
        var document = StatusComposer.Compose(Healthy with { Version = "1.0 \"beta\"\\x\nnext" });

        var text = MetricsText.Render(document);

        Assert.Contains("wgagent_build_info{version=\"1.0 \\\"beta\\\"\\\\x\\nnext\"} 1\n", text, StringComparison.Ordinal);
        AssertPromtoolAccepts(text);
    }

    [Fact]
    public void Render_Peers_PrometheusWireguardExporterNamesAndLabels()
    {
        var text = MetricsText.Render(StatusComposer.Compose(Healthy));

        var labels = $"{{interface=\"wg0\",public_key=\"{MonitorKey}\",allowed_ips=\"10.77.0.1/32,10.77.0.10/32,fd77::1/128\"}}";
        Assert.Contains($"wireguard_sent_bytes_total{labels} 348160\n", text, StringComparison.Ordinal);
        Assert.Contains($"wireguard_received_bytes_total{labels} 1258291\n", text, StringComparison.Ordinal);
        Assert.Contains($"wireguard_latest_handshake_seconds{labels} {Now.AddSeconds(-107).ToUnixTimeSeconds()}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KillswitchCounters_OnePerNftCounter()
    {
        var lines = MetricsText.Render(StatusComposer.Compose(Healthy)).Split('\n');

        var chains = lines.Where(l => l.StartsWith("wgagent_killswitch_dropped_packets_total{", StringComparison.Ordinal)).ToList();
        Assert.Equal(WgAgent.Core.Firewall.NftCounters.All.Select(n => $"chain=\"{n}\""), chains.Select(l => l[(l.IndexOf('{') + 1)..l.IndexOf('}')]));
        Assert.Contains("wgagent_killswitch_dropped_packets_total{chain=\"dropped_input\"} 12", lines);
    }

    [Theory]
    [InlineData("ok", 1, 1, 1)]
    [InlineData("degraded", 1, 1, 0)]
    [InlineData("error", 0, 0, 0)]
    public void Render_Flags_FollowTheStatus(string which, int verified, int tunnelUp, int nodeBound)
    {
        var lines = MetricsText.Render(StatusComposer.Compose(StatusTextViewTests.Inputs(which))).Split('\n');

        Assert.Contains("wgagent_up 1", lines);
        Assert.Contains($"wgagent_killswitch_verified {verified}", lines);
        Assert.Contains($"wgagent_tunnel_up{{interface=\"wg0\"}} {tunnelUp}", lines);
        Assert.Contains($"wgagent_exporter_bound{{exporter=\"node\"}} {nodeBound}", lines);
    }

    /// <summary>Runs the real promtool (Debian's prometheus package); its absence is a failure, not a skip.</summary>
    private static void AssertPromtoolAccepts(string text)
    {
        var start = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"promtool is needed to validate the metrics ({e.Message}): apt-get install prometheus");
            return;
        }

        using (process)
        {
            process.StandardInput.Write(text);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "promtool did not finish in 30 s");
            Assert.True(process.ExitCode == 0 && error.Length == 0 && output.Result.Length == 0,
                $"promtool check metrics exited {process.ExitCode}:\n{output.Result}{error}\n--- input\n{text}");
        }
    }
}
