using WgAgent.Daemon;

namespace WgAgent.Daemon.Tests;

public sealed class DaemonStatusTextTests
{
    private static readonly DaemonView Healthy = new("kill switch verified", true, "wg0", ["10.77.0.2", "fd77::2"], null,
        "exporters bound: node", true, null);

    public static TheoryData<DaemonView, string> Views => new()
    {
        { Healthy, "kill switch verified; wg0 up 10.77.0.2 fd77::2; exporters bound: node" },
        { Healthy with { TunnelAddresses = [], Exporters = null, ExportersHealthy = false },
            "degraded: kill switch verified; waiting for wg0; exporters not bound" },
        { Healthy with { TunnelAddresses = [], WaitedOut = TimeSpan.FromSeconds(90) },
            "degraded: wg0 not up after 90 s; kill switch verified; exporters bound: node" },
        { Healthy with { BrokenConfig = "/etc/wgagent.toml" },
            "degraded: /etc/wgagent.toml is broken, the previous policy is kept (see `agentctl config check` or `journalctl -u wgagent`); "
            + "kill switch verified; wg0 up 10.77.0.2 fd77::2; exporters bound: node" },
        { Healthy with { Killswitch = "kill switch: block-all (config broken)", KillswitchVerified = false },
            "degraded: kill switch: block-all (config broken); wg0 up 10.77.0.2 fd77::2; exporters bound: node" },
        { Healthy with { Exporters = "exporters NOT bound: node (x)", ExportersHealthy = false },
            "degraded: kill switch verified; wg0 up 10.77.0.2 fd77::2; exporters NOT bound: node (x)" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void Compose_View_ReadsAsExpected(DaemonView view, string expected) => Assert.Equal(expected, DaemonStatusText.Compose(view));

    [Fact]
    public void Compose_AnyView_IsOneLine()
    {
        foreach (var row in Views)
        {
            Assert.DoesNotContain('\n', DaemonStatusText.Compose((DaemonView)row[0]));
        }
    }
}
