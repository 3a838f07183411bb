using System.Net;
using WgAgent.Core.Exporters;
using static WgAgent.Core.Tests.Exporters.ExporterFixtures;

namespace WgAgent.Core.Tests.Exporters;

public sealed class ExporterUnitRendererTests
{
    [Fact]
    public void RenderSocket_NodeOnV4AndV6_EqualsGoldenFile()
    {
        var file = ExporterUnitRenderer.RenderSocket(Node(), [V4, V6]);

        Assert.Equal("wgagent-exporter-node.socket", file.RelativePath);
        ExporterGoldenFiles.Verify("node.v4-v6.socket", file.Content);
    }

    [Fact]
    public void RenderSocket_NodeOnV4Only_EqualsGoldenFile()
    {
        var file = ExporterUnitRenderer.RenderSocket(Node(), [V4]);

        ExporterGoldenFiles.Verify("node.v4.socket", file.Content);
    }

    [Fact]
    public void RenderDropIn_DebianNodeExporter_EqualsGoldenFile()
    {
        var file = ExporterUnitRenderer.RenderDropIn(Node(), KnownExporters.DebianNodeExporter, [V4, V6], Wg0);

        Assert.Equal("prometheus-node-exporter.service.d/wgagent-exporter.conf", file.RelativePath);
        ExporterGoldenFiles.Verify("prometheus-node-exporter.service.d.conf", file.Content);
    }

    [Fact]
    public void RenderDropIn_ListenAddressFlag_EqualsGoldenFile()
    {
        var exporter = Node("example", FlagExporter.Unit.Value, 9999);

        var file = ExporterUnitRenderer.RenderDropIn(exporter, FlagExporter, [V4, V6], Wg0);

        ExporterGoldenFiles.Verify("prometheus-example-exporter.service.d.conf", file.Content);
    }

    [Fact]
    public void RenderSocket_Always_StartsWithMarkerAndHasNoWildcard()
    {
        var content = ExporterUnitRenderer.RenderSocket(Node(), [V4, V6]).Content;

        Assert.True(GeneratedUnitMarker.IsOwned(content));
        Assert.DoesNotContain("0.0.0.0", content, StringComparison.Ordinal);
        Assert.DoesNotContain("[::]", content, StringComparison.Ordinal);
        Assert.Equal(["ListenStream=10.77.0.2:9100", "ListenStream=[fd77::2]:9100"], content.Split('\n').Where(l => l.StartsWith("ListenStream=", StringComparison.Ordinal)));
    }

    [Fact]
    public void RenderDropIn_SameInputsTwice_IdenticalText()
    {
        var first = ExporterUnitRenderer.RenderDropIn(Node(), KnownExporters.DebianNodeExporter, [V4], Wg0);
        var second = ExporterUnitRenderer.RenderDropIn(Node(), KnownExporters.DebianNodeExporter, [IPAddress.Parse("10.77.0.2")], Wg0);

        Assert.Equal(first, second);
    }

    [Fact]
    public void GoldenDirectory_EveryFile_BelongsToATest()
    {
        string[] expected = ["node.v4-v6.socket", "node.v4.socket", "prometheus-example-exporter.service.d.conf", "prometheus-node-exporter.service.d.conf"];

        var files = Directory.EnumerateFiles(ExporterGoldenFiles.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, files);
    }
}
