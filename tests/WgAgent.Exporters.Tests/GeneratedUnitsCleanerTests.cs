using WgAgent.Core.Exporters;
using static WgAgent.Exporters.Tests.Inputs;

namespace WgAgent.Exporters.Tests;

public sealed class GeneratedUnitsCleanerTests
{
    [Fact]
    public async Task RemoveAllAsync_BoundExporterAndRuntimeFile_RemovesOnlyMarkedFilesAndRestartsExporter()
    {
        using var etc = new TempUnitDirectory();
        using var run = new TempUnitDirectory();
        await new ExporterBinder(etc.Units, new UnitChangeApplier(new RecordingSystemctl())).BindAsync(Plan("10.77.0.2/24"));
        etc.Write("prometheus-node-exporter.service.d/override.conf", "[Service]\nNice=5\n");
        etc.Write("operator.service", "[Service]\nExecStart=/bin/true\n");
        run.Write("wgagent-runtime.socket", GeneratedUnitMarker.Line + "\n[Socket]\n");
        run.Write("stray.conf", GeneratedUnitMarker.Line + "\n");
        var systemctl = new RecordingSystemctl().With(Service, "active").With(Socket, "active").With("wgagent-runtime.socket", "active");

        var result = await new GeneratedUnitsCleaner([etc.Units, run.Units], new UnitChangeApplier(systemctl)).RemoveAllAsync();

        Assert.Equal(["operator.service", "prometheus-node-exporter.service.d", "prometheus-node-exporter.service.d/override.conf"], etc.Listing());
        Assert.Empty(run.Listing());
        Assert.Equal(4, result.Changes.Count);
        Assert.Equal([$"stop {Service} {Socket} wgagent-runtime.socket", "daemon-reload", $"start {Service}"], systemctl.Actions);
    }

    [Fact]
    public async Task RemoveAllAsync_SocketNotListening_RemovedWithoutStop()
    {
        using var etc = new TempUnitDirectory();
        await new ExporterBinder(etc.Units, new UnitChangeApplier(new RecordingSystemctl())).BindAsync(Plan("10.77.0.2/24"));
        var systemctl = new RecordingSystemctl();

        await new GeneratedUnitsCleaner([etc.Units], new UnitChangeApplier(systemctl)).RemoveAllAsync();

        Assert.Empty(etc.Listing());
        Assert.Equal(["daemon-reload"], systemctl.Actions);
    }

    [Fact]
    public async Task RemoveAllAsync_NothingOfOurs_NoOpWithoutSystemctl()
    {
        using var etc = new TempUnitDirectory();
        etc.Write("operator.service", "[Service]\n");
        var systemctl = new RecordingSystemctl();

        var result = await new GeneratedUnitsCleaner([etc.Units, new UnitDirectory("/nonexistent/wgagent-test")], new UnitChangeApplier(systemctl)).RemoveAllAsync();

        Assert.True(result.IsNoOp);
        Assert.Empty(systemctl.Calls);
        Assert.Equal(["operator.service"], etc.Listing());
    }
}
