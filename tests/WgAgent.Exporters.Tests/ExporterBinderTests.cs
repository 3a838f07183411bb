using WgAgent.Core.Exporters;
using static WgAgent.Exporters.Tests.Inputs;

namespace WgAgent.Exporters.Tests;

public sealed class ExporterBinderTests
{
    [Fact]
    public async Task BindAsync_FirstBindWhileExporterRuns_WritesBothStopsReloadsStarts()
    {
        using var dir = new TempUnitDirectory();
        var systemctl = new RecordingSystemctl().With(Service, "active");

        var result = await Binder(dir, systemctl).BindAsync(Plan("10.77.0.2/24", "fd77::2/64"));

        Assert.True(result.IsComplete);
        Assert.Equal([DropIn, Socket], dir.Listing().Where(p => p.Contains('.', StringComparison.Ordinal) && !p.EndsWith(".d", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("ListenStream=[fd77::2]:9100", dir.Read(Socket), StringComparison.Ordinal);
        // Stopped before the files change (the stock process must let go of *:9100 first), started after the reload.
        Assert.Equal([$"stop {Service}", "daemon-reload", $"start {Service}"], systemctl.Actions);
        Assert.Equal([Service], result.Applied.Started);
    }

    [Fact]
    public async Task BindAsync_SamePlanTwice_SecondIsNoOpWithoutSystemctl()
    {
        using var dir = new TempUnitDirectory();
        await Binder(dir, new RecordingSystemctl()).BindAsync(Plan("10.77.0.2/24"));
        var systemctl = new RecordingSystemctl().With(Service, "active");

        var result = await Binder(dir, systemctl).BindAsync(Plan("10.77.0.2/24"));

        Assert.True(result.Applied.IsNoOp);
        Assert.Equal(2, result.Unchanged.Count);
        Assert.Empty(systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_AddressChanged_RewritesSocketOnlyAndRestartsRunningExporter()
    {
        using var dir = new TempUnitDirectory();
        await Binder(dir, new RecordingSystemctl()).BindAsync(Plan("10.77.0.2/24"));
        var systemctl = new RecordingSystemctl().With(Service, "active").With(Socket, "active");

        var result = await Binder(dir, systemctl).BindAsync(Plan("10.77.0.9/24"));

        Assert.Equal([Socket], result.Applied.Changes.Select(c => c.RelativePath));
        Assert.Contains("ListenStream=10.77.0.9:9100", dir.Read(Socket), StringComparison.Ordinal);
        Assert.Equal([$"stop {Service}", "daemon-reload", $"start {Service}"], systemctl.Actions);
    }

    [Fact]
    public async Task BindAsync_AddressChangedWhileOnlySocketListens_RebindsSocketWithoutStartingExporter()
    {
        using var dir = new TempUnitDirectory();
        await Binder(dir, new RecordingSystemctl()).BindAsync(Plan("10.77.0.2/24"));
        var systemctl = new RecordingSystemctl().With(Socket, "active");

        await Binder(dir, systemctl).BindAsync(Plan("10.77.0.9/24"));

        Assert.Equal(["daemon-reload", $"try-restart {Socket}"], systemctl.Actions);
    }

    [Fact]
    public async Task BindAsync_ExporterStopped_FilesWrittenNothingStarted()
    {
        using var dir = new TempUnitDirectory();
        var systemctl = new RecordingSystemctl().With(Service, "inactive");

        var result = await Binder(dir, systemctl).BindAsync(Plan("10.77.0.2/24"));

        Assert.Equal(["daemon-reload"], systemctl.Actions);
        Assert.Empty(result.Applied.Started);
    }

    [Fact]
    public async Task BindAsync_ExporterNotInstalled_WarnsAndWrites()
    {
        using var dir = new TempUnitDirectory();
        var systemctl = new RecordingSystemctl().With(Service, "inactive", load: "not-found");

        var result = await Binder(dir, systemctl).BindAsync(Plan("10.77.0.2/24"));

        Assert.Contains("not installed", Assert.Single(result.Applied.Warnings), StringComparison.Ordinal);
        Assert.True(File.Exists(dir.PathOf(Socket)));
    }

    [Fact]
    public async Task BindAsync_ExporterTakenOutOfConfig_RemovesItsFilesAndRestoresRunningExporter()
    {
        using var dir = new TempUnitDirectory();
        await Binder(dir, new RecordingSystemctl()).BindAsync(Plan("10.77.0.2/24"));
        var systemctl = new RecordingSystemctl().With(Service, "active").With(Socket, "active");

        var result = await Binder(dir, systemctl).BindAsync(Plan([], "10.77.0.2/24"));

        Assert.Empty(dir.Listing());
        Assert.All(result.Applied.Changes, c => Assert.True(c.IsRemoval));
        // The socket is stopped while PID 1 still has its unit file; the exporter comes back on its stock unit.
        Assert.Equal([$"stop {Service} {Socket}", "daemon-reload", $"start {Service}"], systemctl.Actions);
    }

    [Fact]
    public async Task BindAsync_TunnelLostItsAddress_KeepsTheLastBinding()
    {
        using var dir = new TempUnitDirectory();
        await Binder(dir, new RecordingSystemctl()).BindAsync(Plan("10.77.0.2/24"));
        var before = dir.Read(Socket);
        var systemctl = new RecordingSystemctl();

        var result = await Binder(dir, systemctl).BindAsync(Plan());

        Assert.False(result.IsComplete);
        Assert.Equal(before, dir.Read(Socket));
        Assert.True(File.Exists(dir.PathOf(DropIn)));
        Assert.Empty(systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_OperatorFileAtGeneratedPath_LeftAloneAndReportedAsConflict()
    {
        using var dir = new TempUnitDirectory();
        dir.Write(DropIn, "[Service]\nExecStart=\nExecStart=/usr/bin/prometheus-node-exporter --mine\n");
        var systemctl = new RecordingSystemctl();

        var result = await Binder(dir, systemctl).BindAsync(Plan("10.77.0.2/24"));

        var conflict = Assert.Single(result.Conflicts);
        Assert.Contains("was not written by wgagent", conflict.Message, StringComparison.Ordinal);
        Assert.False(result.IsComplete);
        Assert.Equal([DropIn], dir.Listing().Where(p => p.EndsWith(".conf", StringComparison.Ordinal) || p.EndsWith(".socket", StringComparison.Ordinal)));
        Assert.StartsWith("[Service]", dir.Read(DropIn), StringComparison.Ordinal);
        Assert.Empty(systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_OtherOwnedFiles_NotTouched()
    {
        using var dir = new TempUnitDirectory();
        var other = GeneratedUnitMarker.Line + "\n[Unit]\nDescription=something else of wgagent's\n";
        dir.Write("wgagent-other.service", other);

        await Binder(dir, new RecordingSystemctl()).BindAsync(Plan([], "10.77.0.2/24"));

        Assert.Equal(other, dir.Read("wgagent-other.service"));
    }

    [Fact]
    public async Task BindAsync_ReloadFails_SystemctlExceptionNamesTheCall()
    {
        using var dir = new TempUnitDirectory();
        var systemctl = new RecordingSystemctl { FailVerb = "daemon-reload" };

        var error = await Assert.ThrowsAsync<SystemctlException>(() => Binder(dir, systemctl).BindAsync(Plan("10.77.0.2/24")));

        Assert.Equal("systemctl --no-ask-password daemon-reload exited 1: Failed to daemon-reload: test says no", error.Message);
    }

    private static ExporterBinder Binder(TempUnitDirectory dir, RecordingSystemctl systemctl) =>
        new(dir.Units, new UnitChangeApplier(systemctl));
}
