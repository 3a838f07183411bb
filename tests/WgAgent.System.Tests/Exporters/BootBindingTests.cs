using System.Globalization;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Booting;
using WgAgent.Lab.Installing;
using WgAgent.System.Tests.Killswitch;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Exporters;

/// <summary>
/// A boot with the bound exporter's files already in /etc/systemd/system (the second boot of
/// <see cref="ExporterBindingFixture"/>): node_exporter never listens on another address, not even for a moment at
/// boot; its socket is open on the tunnel address before wg0 exists; Prometheus scrapes it over the tunnel.
/// </summary>
[Collection(ExporterBindingCollection.Name)]
public sealed class BootBindingTests(ExporterBindingFixture fixture, ITestOutputHelper output)
    : BootedLabTests<ExporterBindingFixture>(fixture, output)
{
    private const string WgQuickUnit = "wg-quick@wg0.service";

    [Fact]
    public async Task Boot_Bound_OnlyTunnelAddressesListenOnTheExporterPort()
    {
        var listeners = await Listeners.OnExporterPortAsync(Fixture.Host);
        var check = await Fixture.Host.ExecAsync([AgentPackage.WgAgentPath, "exporters", "check"]);

        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), listeners);
        Assert.True(check.Succeeded, check.Describe());
        Assert.Contains(":9100: bound: listening on 10.77.0.2, fd77::2;", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boot_Bound_ExporterStartedOnceAndOnlyOnTheSocketsItWasGiven()
    {
        var journal = await Fixture.Host.JournalEntriesAsync();
        var show = await ShowAsync(ExporterNames.Service, "NRestarts", "ExecStart");

        // PID 1 logs no "Starting" for a Type=simple service, only "Started" once its process is forked.
        var starts = journal.Where(e => e.Unit == ExporterNames.Service && e.MessageId == JournalMarks.UnitStartedId && e.Get("JOB_TYPE") == "start").ToList();
        var own = journal.Where(e => e.SystemdUnit == ExporterNames.Service).Select(e => e.Message).ToList();
        // exporter-toolkit logs `msg="Listening on" address=HOST:PORT` for every socket it serves on, passed or its own.
        var addresses = own.Where(m => m.Contains("msg=\"Listening on\"", StringComparison.Ordinal))
            .Select(m => m[(m.IndexOf("address=", StringComparison.Ordinal) + "address=".Length)..].Trim())
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Single(starts);
        Assert.Equal("0", show["NRestarts"]);
        Assert.Contains("argv[]=/usr/bin/prometheus-node-exporter --web.systemd-socket", show["ExecStart"], StringComparison.Ordinal);
        Assert.Contains(own, m => m.Contains("Listening on systemd activated listeners", StringComparison.Ordinal));
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), addresses);
    }

    [Fact]
    public async Task Boot_Bound_SocketListeningBeforeTheExporterAndBeforeWg0Existed()
    {
        var journal = await Fixture.Host.JournalEntriesAsync();

        var listening = Require(journal.FirstJobRecord(ExporterNames.Socket, JournalMarks.UnitStartedId, "done"), "the socket's \"Listening on\"", journal);
        var exporter = Require(journal.FirstJobRecord(ExporterNames.Service, JournalMarks.UnitStartedId), "the exporter's first \"Started\"", journal);
        var linkAdd = Require(journal.FirstOutput(WgQuickUnit, "ip link add wg0"), "wg-quick's \"ip link add wg0\"", journal);

        Assert.True(listening.MonotonicMicros() < exporter.MonotonicMicros(), $"the exporter started before its socket listened:\n{listening}\n{exporter}");
        Assert.True(listening.MonotonicMicros() < linkAdd.MonotonicMicros(), $"the socket listened only after wg0 was created:\n{listening}\n{linkAdd}");
        Output.WriteLine(Invariant($"socket listening {JournalMarks.MillisecondsBetween(listening, linkAdd):0.0} ms before \"ip link add wg0\"; exporter started {JournalMarks.MillisecondsBetween(listening, exporter):0.0} ms after the socket"));
    }

    [Fact]
    public async Task Boot_TunnelUp_MonitorScrapesTheExporterOverTheTunnel()
    {
        await Fixture.Lab.Prometheus.WaitForTargetUpAsync(TimeSpan.FromSeconds(30));

        var samples = await Fixture.Lab.Prometheus.QueryAsync("scrape_samples_scraped{job=\"node\"}");

        var sample = Assert.Single(samples);
        Output.WriteLine($"Prometheus in monitor scraped {sample.Value:0} samples from {LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter} over the tunnel");
    }

    [Fact]
    public async Task Tunnel_Wg0Recreated_ExporterServesAgainWithoutRestartOrRebind()
    {
        var before = await ShowAsync(ExporterNames.Service, "MainPID", "NRestarts");
        var url = $"http://{LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter}/metrics";

        // wg-quick deletes wg0 (and its addresses) and creates it again: the socket, bound with IP_FREEBIND to an
        // address rather than to the interface, keeps listening through it and accepts again once the address is back.
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        (await Fixture.Host.ExecAsync(["systemctl", "restart", WgQuickUnit])).EnsureSuccess();
        var restarted = clock.Elapsed;
        // The new wg0 has no session; monitor's old one is dead. A packet from the node starts the handshake at
        // once, instead of monitor finding out after its rekey timeout (5 s and more). Its outcome does not matter.
        await Fixture.Host.ExecAsync(["ping", "-c", "1", "-W", "2", LabAddresses.Monitor.RequiredTunnelV4.ToString()]);
        var scrape = await ScrapeFromMonitorAsync(url, TimeSpan.FromSeconds(20));
        var served = clock.Elapsed;
        var after = await ShowAsync(ExporterNames.Service, "MainPID", "NRestarts");

        Assert.True(scrape.Succeeded, scrape.Describe());
        Assert.Equal(before["MainPID"], after["MainPID"]);
        Assert.Equal("0", after["NRestarts"]);
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), await Listeners.OnExporterPortAsync(Fixture.Host));
        Output.WriteLine(Invariant($"wg-quick@wg0 restart {restarted.TotalMilliseconds:0} ms; monitor scraped again {served.TotalMilliseconds:0} ms after the restart began; exporter PID {after["MainPID"]} unchanged"));
    }

    [Fact]
    public async Task Bind_OnTheBootedHost_FilesFromTheFirstBootAreWhatItWouldWrite()
    {
        var bind = await Fixture.Host.ExecAsync([AgentPackage.WgAgentPath, "exporters", "bind"]);

        Assert.True(bind.Succeeded, bind.Describe());
        Assert.Contains("already in place; nothing changed", bind.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boot_BoundWithKillswitchAndTunnel_NoFailedUnitAndNoOrderingCycle()
    {
        var journal = await Fixture.Host.JournalAsync();
        var failed = (await Fixture.Host.ExecAsync(["systemctl", "--failed", "--no-legend", "--plain"])).EnsureSuccess().Stdout;

        Assert.DoesNotContain("ordering cycle", journal, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, failed.Trim());
    }

    // The first handshake after wg0 came back may take a moment: retry, bounded.
    private async Task<CommandResult> ScrapeFromMonitorAsync(string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await Fixture.Lab.Monitor.RunAsync(["curl", "--silent", "--show-error", "--fail", "--max-time", "2", "--output", "/dev/null", url]);
            if (result.Succeeded || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }

    private async Task<Dictionary<string, string>> ShowAsync(string unit, params string[] properties)
    {
        var show = (await Fixture.Host.ExecAsync(["systemctl", "show", unit, $"--property={string.Join(',', properties)}"])).EnsureSuccess().Stdout;
        return show.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
    }

    private static JournalEntry Require(JournalEntry? entry, string what, IReadOnlyList<JournalEntry> journal) =>
        entry ?? throw new Xunit.Sdk.XunitException($"no record of {what} in the boot's journal; its last records:\n{string.Join('\n', journal.TakeLast(40))}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
