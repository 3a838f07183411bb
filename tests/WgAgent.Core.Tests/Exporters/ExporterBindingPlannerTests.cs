using System.Net;
using WgAgent.Core.Exporters;
using WgAgent.Core.Net;
using static WgAgent.Core.Tests.Exporters.ExporterFixtures;

namespace WgAgent.Core.Tests.Exporters;

public sealed class ExporterBindingPlannerTests
{
    [Fact]
    public void Plan_DebianNodeExporter_SocketAndDropInOnBothAddresses()
    {
        var plan = ExporterBindingPlanner.Plan([Node()], Wg0, TunnelAddresses);

        var binding = Assert.Single(plan.Bindings);
        Assert.True(plan.IsComplete);
        Assert.Equal([V4, V6], binding.Addresses);
        Assert.Equal("wgagent-exporter-node.socket", binding.SocketUnit);
        Assert.Equal("10.77.0.2:9100, [fd77::2]:9100", binding.Endpoints);
        Assert.Equal(["wgagent-exporter-node.socket", "prometheus-node-exporter.service.d/wgagent-exporter.conf"], plan.Files.Select(f => f.RelativePath));
        Assert.Empty(plan.PreservedPaths);
    }

    [Theory]
    [InlineData("prometheus-node-exporter.service", "/usr/bin/prometheus-node-exporter")]
    [InlineData("prometheus-postgres-exporter.service", "/usr/bin/prometheus-postgres-exporter")]
    [InlineData("prometheus-mysqld-exporter.service", "/usr/bin/prometheus-mysqld-exporter")]
    public void Plan_KnownDebianExporter_SocketActivatedWithItsOwnProgramAndArgs(string unit, string program)
    {
        var plan = ExporterBindingPlanner.Plan([Node("db", unit, 9187)], Wg0, TunnelAddresses);

        var dropIn = Assert.Single(plan.Bindings).Files[1];
        Assert.Equal($"{unit}.d/wgagent-exporter.conf", dropIn.RelativePath);
        Assert.Contains($"\nExecStart=\nExecStart={program} --web.systemd-socket $ARGS\n", dropIn.Content, StringComparison.Ordinal);
        Assert.Contains("\nSockets=wgagent-exporter-db.socket\n", dropIn.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownUnit_ProblemAndNoFiles()
    {
        var plan = ExporterBindingPlanner.Plan([Node("mystery", "mystery-exporter.service", 9200)], Wg0, TunnelAddresses);

        var problem = Assert.Single(plan.Problems);
        Assert.Empty(plan.Bindings);
        Assert.Empty(plan.PreservedPaths);
        Assert.Contains("does not know how to bind mystery-exporter.service", problem.Message, StringComparison.Ordinal);
        Assert.Contains("prometheus-node-exporter.service", problem.Hint, StringComparison.Ordinal);
        Assert.StartsWith("exporter mystery (mystery-exporter.service): ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SameUnitTwice_SecondIsAProblem()
    {
        var plan = ExporterBindingPlanner.Plan([Node("a"), Node("b", port: 9101)], Wg0, TunnelAddresses);

        Assert.Equal("a", Assert.Single(plan.Bindings).Exporter.Name);
        Assert.Equal("b", Assert.Single(plan.Problems).Exporter.Name);
    }

    [Fact]
    public void Plan_NoTunnelAddress_ProblemAndExistingFilesPreserved()
    {
        var plan = ExporterBindingPlanner.Plan([Node()], Wg0, []);

        Assert.Empty(plan.Bindings);
        Assert.Contains("no address", Assert.Single(plan.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(["prometheus-node-exporter.service.d/wgagent-exporter.conf", "wgagent-exporter-node.socket"], plan.PreservedPaths);
    }

    [Fact]
    public void Plan_NoExporters_EmptyPlan()
    {
        var plan = ExporterBindingPlanner.Plan([], Wg0, TunnelAddresses);

        Assert.Empty(plan.Bindings);
        Assert.Empty(plan.Problems);
        Assert.True(plan.IsComplete);
    }

    [Theory]
    [InlineData(new[] { "10.77.0.2/24", "fd77::2/64" }, new[] { "10.77.0.2", "fd77::2" })]
    [InlineData(new[] { "fd77::2/64", "10.77.0.2/24" }, new[] { "fd77::2", "10.77.0.2" })]
    [InlineData(new[] { "10.77.0.2/24", "10.77.0.2/32" }, new[] { "10.77.0.2" })]
    [InlineData(new[] { "fe80::1/64", "10.77.0.2/32" }, new[] { "10.77.0.2" })]
    [InlineData(new[] { "0.0.0.0/0", "::/0" }, new string[0])]
    [InlineData(new[] { "10.1.0.2/32", "10.2.0.2/32" }, new[] { "10.1.0.2", "10.2.0.2" })]
    public void ListenAddresses_InterfaceAddresses_DistinctBindableInFileOrder(string[] networks, string[] expected)
    {
        var addresses = ExporterBindingPlanner.ListenAddresses(networks.Select(IpNetwork.Parse).ToList());

        Assert.Equal(expected.Select(IPAddress.Parse), addresses);
    }
}
