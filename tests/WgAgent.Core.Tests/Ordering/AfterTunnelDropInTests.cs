using WgAgent.Core.Config;
using WgAgent.Core.Exporters;
using WgAgent.Core.Ordering;

namespace WgAgent.Core.Tests.Ordering;

public sealed class AfterTunnelDropInTests
{
    [Fact]
    public void Render_DockerService_EqualsGoldenFile()
    {
        var file = AfterTunnelDropIn.Render(Unit("docker.service"));

        Assert.Equal("docker.service.d/wgagent-after-tunnel.conf", file.RelativePath);
        OrderingGoldenFiles.Verify("docker.service.d.conf", file.Content);
    }

    [Fact]
    public void Render_MountUnit_EqualsGoldenFile()
    {
        var file = AfterTunnelDropIn.Render(Unit(@"srv-backup\x2dremote.mount"));

        Assert.Equal(@"srv-backup\x2dremote.mount.d/wgagent-after-tunnel.conf", file.RelativePath);
        OrderingGoldenFiles.Verify("srv-backup-remote.mount.d.conf", file.Content);
    }

    [Fact]
    public void Render_AnyUnit_MarkedWantsAndAfterNeverRequires()
    {
        var content = AfterTunnelDropIn.Render(Unit("container@web.service")).Content;

        Assert.True(GeneratedUnitMarker.IsOwned(content));
        var settings = content.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(["[Unit]", "Wants=wgagent.service", "After=wgagent.service"], settings);
    }

    [Fact]
    public void Render_SameUnitTwice_IdenticalText()
    {
        Assert.Equal(AfterTunnelDropIn.Render(Unit("docker.service")), AfterTunnelDropIn.Render(Unit("docker.service")));
    }

    [Theory]
    [InlineData("docker.service.d/wgagent-after-tunnel.conf", true)]
    [InlineData("container@web.service.d/wgagent-after-tunnel.conf", true)]
    [InlineData("srv-data.mount.d/wgagent-after-tunnel.conf", true)]
    [InlineData("docker.service.d/wgagent-exporter.conf", false)]
    [InlineData("docker.service.d/override.conf", false)]
    [InlineData("wgagent-after-tunnel.conf", false)]
    [InlineData("docker.d/wgagent-after-tunnel.conf", false)]
    [InlineData("docker.service/wgagent-after-tunnel.conf", false)]
    [InlineData("a/docker.service.d/wgagent-after-tunnel.conf", false)]
    [InlineData("wgagent-exporter-node.socket", false)]
    public void IsAfterTunnelFile_Path_OnlyTheDropInShape(string path, bool expected)
    {
        Assert.Equal(expected, AfterTunnelDropIn.IsAfterTunnelFile(path));
    }

    [Fact]
    public void IsAfterTunnelFile_RenderedPath_IsRecognisedAndNotAnExporterFile()
    {
        var path = AfterTunnelDropIn.Render(Unit("docker.service")).RelativePath;

        Assert.True(AfterTunnelDropIn.IsAfterTunnelFile(path));
        // exporters bind removes generated exporter files nothing wants: it must never take these for its own.
        Assert.False(ExporterUnitNames.IsExporterFile(path));
    }

    [Theory]
    [InlineData("docker.service.d/wgagent-after-tunnel.conf", "docker.service")]
    [InlineData("docker.service.d/override.conf", null)]
    public void UnitOf_Path_UnitOrNull(string path, string? expected)
    {
        Assert.Equal(expected, AfterTunnelDropIn.UnitOf(path)?.Value);
    }

    [Fact]
    public void GoldenDirectory_EveryFile_BelongsToATest()
    {
        string[] expected = ["docker.service.d.conf", "srv-backup-remote.mount.d.conf"];

        var files = Directory.EnumerateFiles(OrderingGoldenFiles.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, files);
    }

    private static SystemdUnitName Unit(string text) =>
        SystemdUnitName.TryParse(text, out var unit, out var error) ? unit : throw new ArgumentException(error);
}
