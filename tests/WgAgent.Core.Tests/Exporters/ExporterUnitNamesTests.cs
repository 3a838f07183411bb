using WgAgent.Core.Exporters;
using static WgAgent.Core.Tests.Exporters.ExporterFixtures;

namespace WgAgent.Core.Tests.Exporters;

public sealed class ExporterUnitNamesTests
{
    [Fact]
    public void Socket_ExporterName_PrefixedUnitName()
    {
        Assert.Equal("wgagent-exporter-node_2.socket", ExporterUnitNames.Socket("node_2"));
        Assert.True(WgAgent.Core.Config.SystemdUnitName.TryParse(ExporterUnitNames.Socket("node_2"), out _, out _));
    }

    [Fact]
    public void DropIn_Unit_InsideItsDotDFolder()
    {
        Assert.Equal("x@y.service.d/wgagent-exporter.conf", ExporterUnitNames.DropIn(Unit("x@y.service")));
    }

    [Theory]
    [InlineData("wgagent-exporter-node.socket", true)]
    [InlineData("prometheus-node-exporter.service.d/wgagent-exporter.conf", true)]
    [InlineData("prometheus-node-exporter.service.d/override.conf", false)]
    [InlineData("wgagent-exporter-node.service", false)]
    [InlineData("wgagent.service", false)]
    [InlineData("a/b/wgagent-exporter.conf", false)]
    [InlineData("x.socket.d/wgagent-exporter.conf", false)]
    public void IsExporterFile_Path_OnlyGeneratedShapes(string path, bool expected)
    {
        Assert.Equal(expected, ExporterUnitNames.IsExporterFile(path));
    }

    [Theory]
    [InlineData("x.service.d/wgagent-exporter.conf", "x.service")]
    [InlineData("wgagent-exporter-node.socket", null)]
    [InlineData("notadropin/x.conf", null)]
    public void DropInOwner_Path_UnitOrNull(string path, string? expected)
    {
        Assert.Equal(expected, ExporterUnitNames.DropInOwner(path));
    }

    [Theory]
    [InlineData(GeneratedUnitMarker.Line + "\n[Unit]\n", true)]
    [InlineData(GeneratedUnitMarker.Line, true)]
    [InlineData(GeneratedUnitMarker.Line + "\r\n", true)]
    [InlineData(GeneratedUnitMarker.Line + " (edited)\n", false)]
    [InlineData("[Unit]\n" + GeneratedUnitMarker.Line + "\n", false)]
    [InlineData("", false)]
    public void IsOwned_Content_OnlyWithMarkerAsFirstLine(string content, bool expected)
    {
        Assert.Equal(expected, GeneratedUnitMarker.IsOwned(content));
    }
}
