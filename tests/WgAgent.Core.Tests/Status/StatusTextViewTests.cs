using WgAgent.Core.Status;
using static WgAgent.Core.Tests.Status.StatusFixtures;

namespace WgAgent.Core.Tests.Status;

public sealed class StatusTextViewTests
{
    private static readonly string[] GoldenNames =
    [
        "killswitch.json", "metrics.degraded.prom", "metrics.ok.prom", "status.degraded.color.txt", "status.degraded.json", "status.degraded.txt",
        "status.error.txt", "status.ok.color.txt", "status.ok.json", "status.ok.txt", "unreachable.color.txt", "unreachable.txt",
    ];

    [Theory]
    [InlineData("ok", false)]
    [InlineData("ok", true)]
    [InlineData("degraded", false)]
    [InlineData("degraded", true)]
    [InlineData("error", false)]
    public void Render_Status_EqualsGoldenFile(string which, bool color)
    {
        var document = StatusComposer.Compose(Inputs(which));

        var text = StatusTextView.Render(document, color, Now);

        StatusGoldenFiles.Verify($"status.{which}{(color ? ".color" : "")}.txt", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RenderUnreachable_ConnectionRefused_EqualsGoldenFile(bool color)
    {
        var text = StatusTextView.RenderUnreachable("/run/wgagent/agent.sock", "Connection refused", color);

        StatusGoldenFiles.Verify($"unreachable{(color ? ".color" : "")}.txt", text);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("degraded")]
    [InlineData("error")]
    public void Render_WithoutColor_NoEscapeSequences(string which)
    {
        var text = StatusTextView.Render(StatusComposer.Compose(Inputs(which)), false, Now);

        Assert.DoesNotContain('\e', text);
    }

    [Fact]
    public void Render_WithColor_SameTextOnceEscapesAreRemoved()
    {
        var document = StatusComposer.Compose(Degraded);

        var plain = StatusTextView.Render(document, false, Now);
        var colored = StatusTextView.Render(document, true, Now);

        Assert.Contains('\e', colored);
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(colored, "\e\\[[0-9;]*m", ""));
    }

    [Fact]
    public void Render_Peer_HandshakeAgeAndTransferLikeWgShow()
    {
        var text = StatusTextView.Render(StatusComposer.Compose(Healthy), false, Now);

        Assert.Contains("  latest handshake: 1m 47s ago\n", text, StringComparison.Ordinal);
        Assert.Contains("  transfer: 1.2 MiB received, 340 KiB sent\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MessageWithControlCharacters_Neutralized()
    {
        var document = StatusComposer.Compose(Healthy with { OrderingProblems = ["evil \e[2J name"] });

        var text = StatusTextView.Render(document, true, Now);

        Assert.DoesNotContain("\e[2J", text, StringComparison.Ordinal);
        Assert.Contains("evil ?[2J name", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentState.Ok, 0)]
    [InlineData(AgentState.Starting, 1)]
    [InlineData(AgentState.Degraded, 1)]
    [InlineData(AgentState.Error, 2)]
    public void ExitCode_ForEachState_AsTheContractSays(AgentState state, int code)
    {
        Assert.Equal(code, StatusExitCodes.For(state));
    }

    [Fact]
    public void GoldenDirectory_EveryFile_BelongsToATest()
    {
        var files = Directory.EnumerateFiles(StatusGoldenFiles.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(GoldenNames, files);
    }

    internal static StatusInputs Inputs(string which) => which switch
    {
        "ok" => Healthy,
        "degraded" => Degraded,
        // The table flushed behind wgagent's back, the tunnel gone with it, so the exporters have no address to be on.
        "error" => Healthy with
        {
            KernelTable = null,
            Tunnel = WgAgent.Core.Tunnel.TunnelState.Create(Wg0, null, []),
            Dump = null,
            Exporters =
            [
                Exporter("node", "prometheus-node-exporter.service", 9100, [], WgAgent.Core.Exporters.ExporterListenState.NotListening),
                Exporter("blackbox", "prometheus-blackbox-exporter.service", 9115, [], WgAgent.Core.Exporters.ExporterListenState.NotListening),
            ],
            UnitStates = new Dictionary<string, string>(StringComparer.Ordinal) { ["prometheus-node-exporter.service"] = "inactive" },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };
}
