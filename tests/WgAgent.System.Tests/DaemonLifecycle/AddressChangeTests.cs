using WgAgent.Lab.Addressing;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.Exporters;
using WgAgent.System.Tests.Killswitch;
using Xunit.Abstractions;
using static WgAgent.System.Tests.DaemonLifecycle.Evidence;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// (b) wg0 deleted and created again by wg-quick with another Address (10.77.0.4, fd77::4 — free in the lab's tunnel
/// prefix, added to monitor's AllowedIPs for node), then back: the exporter follows within 1 s of the address appearing,
/// never listens off the tunnel addresses meanwhile, and is scraped over the tunnel on the new address (curl from
/// monitor: Prometheus's target is the lab's address) and by Prometheus once back.
/// </summary>
[Collection(DaemonNodeCollection.Name)]
public sealed class AddressChangeTests(DaemonNodeFixture fixture, ITestOutputHelper output)
    : BootedLabTests<DaemonNodeFixture>(fixture, output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [Fact]
    public void Wg0RecreatedOnAnotherAddress_Exporter_ListensThereWithinOneSecondOfTheAddress()
    {
        var away = Fixture.AddressChange.Record.Away;
        var rebind = Rebind(away);

        Assert.True(away.Restart.Succeeded, away.Restart.Describe());
        Assert.Equal(away.ToEndpoints.Order(StringComparer.Ordinal), away.ListenersAfter);
        Assert.True(rebind.AddressAt is not null, $"the sampler never saw {away.To.RequiredTunnelV4} on the node:\n{away.Trace.Describe()}");
        Assert.True(rebind.ListeningAt is not null, $"the exporter never listened on {string.Join(", ", away.ToEndpoints)}:\n{away.Trace.Describe()}");
        Assert.True(rebind.Delay <= Bound, Invariant($"listening on the new address {rebind.Delay.TotalMilliseconds:0} ms after it appeared (bound {Bound.TotalMilliseconds:0} ms):\n{away.Trace.Describe()}"));
        // Event-driven: the daemon logged the tunnel change and the restart on the new addresses.
        Assert.Contains(away.Journal, e => DaemonProbe.IsDaemon(e) && e.Message.StartsWith("tunnel: wg0: ", StringComparison.Ordinal)
            && e.Message.Contains($"{away.To.RequiredTunnelV4}/", StringComparison.Ordinal));
        Assert.Contains(away.Journal, e => DaemonProbe.IsDaemon(e) && e.Message.StartsWith("exporters: restarted", StringComparison.Ordinal)
            && e.Message.Contains(away.To.RequiredTunnelV4.ToString(), StringComparison.Ordinal));
        Report(away, rebind);
    }

    [Fact]
    public void Wg0RecreatedOnTheLabAddressAgain_Exporter_ListensThereWithinOneSecondAndPrometheusScrapesAgain()
    {
        var change = Fixture.AddressChange.Record;
        var back = change.Back;
        var rebind = Rebind(back);

        Assert.True(back.Restart.Succeeded, back.Restart.Describe());
        Assert.Equal(ExporterNames.TunnelEndpoints.Order(StringComparer.Ordinal), back.ListenersAfter);
        Assert.True(rebind.ListeningAt is not null, $"the exporter never listened on {string.Join(", ", back.ToEndpoints)}:\n{back.Trace.Describe()}");
        Assert.True(rebind.Delay <= Bound, Invariant($"listening on the lab's address {rebind.Delay.TotalMilliseconds:0} ms after it appeared:\n{back.Trace.Describe()}"));
        Assert.True(change.PrometheusError is null, change.PrometheusError);
        Report(back, rebind);
        Output.WriteLine(Invariant($"Prometheus scraped {LabAddresses.Node.RequiredTunnelV4}:{LabPorts.NodeExporter} up again {change.PrometheusWait.TotalSeconds:0.00} s after the exporter settled"));
    }

    [Fact]
    public void Wg0RecreatedOnAnotherAddress_MonitorOverTheTunnel_ScrapesTheExporterThere()
    {
        var away = Fixture.AddressChange.Record.Away;

        Assert.All(away.Scrapes, scrape => Assert.True(scrape.Succeeded, scrape.Describe()));
        foreach (var scrape in away.Scrapes)
        {
            Output.WriteLine(Invariant($"from monitor: {scrape.Argv[^1]} ok ({scrape.Elapsed.TotalMilliseconds:0} ms)"));
        }
    }

    [Fact]
    public void Wg0RecreatedTwice_EverySample_OnlyTunnelAddressesListen()
    {
        var change = Fixture.AddressChange.Record;
        var allowed = AddressMoveRecord.Endpoints(LabAddresses.Node).Concat(AddressMoveRecord.Endpoints(DaemonConfigs.MovedNode)).ToHashSet(StringComparer.Ordinal);

        foreach (var move in new[] { change.Away, change.Back })
        {
            var off = move.Trace.Changes.Where(c => c.Listeners.Any(l => !allowed.Contains(l))).ToList();
            // The exporter logs every socket it serves on; the sampler can miss a socket that lived less than a sample.
            var served = ExporterListening(move.Journal, ExporterNames.Service);
            Assert.True(off.Count == 0, $"{move.From.RequiredTunnelV4} -> {move.To.RequiredTunnelV4}: listening off the tunnel addresses:\n{move.Trace.Describe()}");
            Assert.All(served, address => Assert.Contains(address, allowed));
            Output.WriteLine($"{move.From.RequiredTunnelV4} -> {move.To.RequiredTunnelV4}: {move.Trace.Raw.Summary}; every listener seen: {string.Join(", ", move.Trace.AllListeners)}; exporter served on: {string.Join(", ", served)}");
        }
    }

    // From the first sample with either new address on the node to the first with both new endpoints listening.
    // Negative when the exporter was there first: on the way back the daemon rebinds as soon as wg0 is gone, to the
    // Address lines of the wg0.conf it read at start (FreeBind), before the address exists.
    private static (long? AddressAt, long? ListeningAt, TimeSpan Delay) Rebind(AddressMoveRecord move)
    {
        var address = new[] { move.Trace.FirstHaving(move.To.RequiredTunnelV4), move.Trace.FirstHaving(move.To.RequiredTunnelV6) }.Where(t => t is not null).Min();
        var listening = move.Trace.FirstListening(move.ToEndpoints);
        var delay = address is { } a && listening is { } l ? TimeSpan.FromMicroseconds(l - a) : TimeSpan.MaxValue;
        return (address, listening, delay);
    }

    private void Report(AddressMoveRecord move, (long? AddressAt, long? ListeningAt, TimeSpan Delay) rebind)
    {
        Output.WriteLine(Invariant($"{move.From.RequiredTunnelV4} -> {move.To.RequiredTunnelV4}: systemctl restart wg-quick@wg0 {move.Restart.Elapsed.TotalMilliseconds:0} ms"));
        Output.WriteLine(Invariant($"address appeared -> exporter listening on it: {rebind.Delay.TotalMilliseconds:0.0} ms (sampler: {move.Trace.Raw.Summary})"));
        var tunnel = move.Journal.FirstOrDefault(e => DaemonProbe.IsDaemon(e) && e.Message.StartsWith("tunnel: ", StringComparison.Ordinal) && e.Message.Contains(" → up", StringComparison.Ordinal));
        var socket = move.Journal.FirstJobRecord(ExporterNames.Socket, JournalMarks.UnitStartedId, "done");
        if (tunnel is not null && socket is not null)
        {
            Output.WriteLine(Invariant($"journal: daemon's \"{tunnel.Message}\" -> socket \"Listening\" {JournalMarks.MillisecondsBetween(tunnel, socket):0.0} ms"));
        }

        Output.WriteLine(move.Trace.Describe());
        Output.WriteLine(DaemonProbe.DaemonLines(move.Journal));
    }
}
