using System.Net;
using WgAgent.Core.Exporters;
using static WgAgent.Core.Tests.Exporters.ExporterFixtures;

namespace WgAgent.Core.Tests.Exporters;

public sealed class ExporterListenerCheckTests
{
    [Theory]
    [InlineData(new[] { "10.77.0.2", "fd77::2" }, ExporterListenState.Bound)]
    [InlineData(new[] { "fd77::2", "10.77.0.2" }, ExporterListenState.Bound)]
    [InlineData(new[] { "::ffff:10.77.0.2", "fd77::2" }, ExporterListenState.Bound)]
    [InlineData(new[] { "10.77.0.2" }, ExporterListenState.Incomplete)]
    [InlineData(new string[0], ExporterListenState.NotListening)]
    [InlineData(new[] { "0.0.0.0" }, ExporterListenState.Exposed)]
    [InlineData(new[] { "::" }, ExporterListenState.Exposed)]
    [InlineData(new[] { "10.77.0.2", "fd77::2", "192.0.2.10" }, ExporterListenState.Exposed)]
    public void Evaluate_Listeners_State(string[] listening, ExporterListenState expected)
    {
        var sockets = listening.Select(a => new ListeningSocket(IPAddress.Parse(a), 9100)).Append(new ListeningSocket(IPAddress.Any, 22));

        var status = ExporterListenerCheck.Evaluate(Node(), [V4, V6], sockets.ToList());

        Assert.Equal(expected, status.State);
        Assert.Equal(expected == ExporterListenState.Bound, status.IsHealthy);
    }

    [Fact]
    public void Describe_Exposed_NamesActualAndExpected()
    {
        var status = ExporterListenerCheck.Evaluate(Node(), [V4], [new ListeningSocket(IPAddress.IPv6Any, 9100)]);

        Assert.Equal("node (prometheus-node-exporter.service) :9100: EXPOSED: listening on ::; expected 10.77.0.2", status.Describe());
    }

    [Fact]
    public void Describe_NothingExpectedNothingListening_SaysSo()
    {
        var status = ExporterListenerCheck.Evaluate(Node(), [], []);

        Assert.Equal("node (prometheus-node-exporter.service) :9100: not listening: listening on nothing; expected (no tunnel address)", status.Describe());
    }
}
