using WgAgent.Core.Config;
using WgAgent.Core.Exporters;
using WgAgent.Core.Ordering;
using WgAgent.Ordering;
using static WgAgent.Exporters.Tests.Inputs;

namespace WgAgent.Exporters.Tests;

public sealed class AfterTunnelBinderTests
{
    private const string Docker = "docker.service.d/wgagent-after-tunnel.conf";
    private const string Containerd = "containerd.service.d/wgagent-after-tunnel.conf";

    [Fact]
    public async Task BindAsync_FirstBind_WritesDropInsAndReloadsOnceWithoutTouchingTheUnits()
    {
        using var dir = new TempUnitDirectory();
        var systemctl = new RecordingSystemctl().With("docker.service", "active");

        var result = await new AfterTunnelBinder(dir.Units, systemctl).BindAsync(Units("docker.service", "containerd.service"));

        Assert.Equal(["containerd.service.d", Containerd, "docker.service.d", Docker], dir.Listing());
        Assert.Equal(AfterTunnelDropIn.Render(Unit("docker.service")).Content, dir.Read(Docker));
        // The order counts from the units' next start: docker keeps running, its containers with it.
        Assert.Equal(["daemon-reload"], systemctl.Calls);
        Assert.True(result.Reloaded);
        Assert.True(result.IsComplete);
        Assert.Equal([$"wrote {dir.PathOf(Docker)}", $"wrote {dir.PathOf(Containerd)}"], result.Changes.Select(c => c.ToString()));
    }

    [Fact]
    public async Task BindAsync_SameListTwice_SecondIsNoOpWithoutSystemctl()
    {
        using var dir = new TempUnitDirectory();
        await new AfterTunnelBinder(dir.Units, new RecordingSystemctl()).BindAsync(Units("docker.service"));
        var systemctl = new RecordingSystemctl();

        var result = await new AfterTunnelBinder(dir.Units, systemctl).BindAsync(Units("docker.service"));

        Assert.True(result.IsNoOp);
        Assert.False(result.Reloaded);
        Assert.Equal([dir.PathOf(Docker)], result.Unchanged);
        Assert.Empty(systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_UnitDroppedFromList_RemovesItsDropInAndFolder()
    {
        using var dir = new TempUnitDirectory();
        var binder = new AfterTunnelBinder(dir.Units, new RecordingSystemctl());
        await binder.BindAsync(Units("docker.service", "containerd.service"));
        dir.Write("containerd.service.d/override.conf", "[Service]\nNice=5\n");
        var systemctl = new RecordingSystemctl();

        var result = await new AfterTunnelBinder(dir.Units, systemctl).BindAsync(Units());

        // The operator's drop-in stays, and with it its folder; ours go.
        Assert.Equal(["containerd.service.d", "containerd.service.d/override.conf"], dir.Listing());
        Assert.Equal([$"removed {dir.PathOf(Containerd)}", $"removed {dir.PathOf(Docker)}"], result.Changes.Select(c => c.ToString()));
        Assert.Equal(["daemon-reload"], systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_ForeignFileAtThePath_ReportedAndLeftAlone()
    {
        using var dir = new TempUnitDirectory();
        const string operatorText = "[Unit]\nAfter=wgagent.service\n";
        dir.Write(Docker, operatorText);
        var systemctl = new RecordingSystemctl();

        var result = await new AfterTunnelBinder(dir.Units, systemctl).BindAsync(Units("docker.service", "containerd.service"));

        Assert.Equal(operatorText, dir.Read(Docker));
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("docker.service", conflict.Unit.Value);
        Assert.Equal($"{dir.PathOf(Docker)} exists and was not written by wgagent; docker.service does not wait for the tunnel", conflict.Message);
        Assert.False(result.IsComplete);
        // The other unit is still bound.
        Assert.Equal([Containerd], result.Changes.Select(c => c.RelativePath));
        Assert.Equal(["daemon-reload"], systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_ForeignFileOnly_NoSystemctl()
    {
        using var dir = new TempUnitDirectory();
        dir.Write(Docker, "[Unit]\n");
        var systemctl = new RecordingSystemctl();

        var result = await new AfterTunnelBinder(dir.Units, systemctl).BindAsync(Units("docker.service"));

        Assert.True(result.IsNoOp);
        Assert.Single(result.Conflicts);
        Assert.Empty(systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_EditedDropIn_RewrittenAndReloaded()
    {
        using var dir = new TempUnitDirectory();
        dir.Write(Docker, GeneratedUnitMarker.Line + "\n[Unit]\nAfter=wgagent.service\n");
        var systemctl = new RecordingSystemctl();

        var result = await new AfterTunnelBinder(dir.Units, systemctl).BindAsync(Units("docker.service"));

        Assert.Equal(AfterTunnelDropIn.Render(Unit("docker.service")).Content, dir.Read(Docker));
        Assert.Equal([Docker], result.Changes.Select(c => c.RelativePath));
        Assert.Equal(["daemon-reload"], systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_ReloadFailed_RetriedByTheNextBindOfTheSameList()
    {
        using var dir = new TempUnitDirectory();
        var systemctl = new RecordingSystemctl { FailVerb = "daemon-reload" };
        var binder = new AfterTunnelBinder(dir.Units, systemctl);

        await Assert.ThrowsAsync<SystemctlException>(() => binder.BindAsync(Units("docker.service")));
        systemctl.FailVerb = null;
        var result = await binder.BindAsync(Units("docker.service"));

        // The files were already right; systemd had not read them yet.
        Assert.True(result.IsNoOp);
        Assert.True(result.Reloaded);
        Assert.Equal(["daemon-reload", "daemon-reload"], systemctl.Calls);
    }

    [Fact]
    public async Task BindAsync_ExporterFilesInTheDirectory_LeftToTheExporterBinder()
    {
        using var dir = new TempUnitDirectory();
        await new ExporterBinder(dir.Units, new UnitChangeApplier(new RecordingSystemctl())).BindAsync(Plan("10.77.0.2/24"));
        var systemctl = new RecordingSystemctl();

        await new AfterTunnelBinder(dir.Units, systemctl).BindAsync(Units("docker.service"));
        // And the other way round: a bind of the exporters leaves the after-tunnel drop-in.
        var exporters = await new ExporterBinder(dir.Units, new UnitChangeApplier(new RecordingSystemctl())).BindAsync(Plan(Array.Empty<ExporterSettings>(), "10.77.0.2/24"));

        Assert.Equal([Docker], dir.Units.FindOwned().Select(f => f.RelativePath));
        Assert.DoesNotContain(exporters.Applied.Changes, c => c.RelativePath == Docker);
    }

    [Fact]
    public async Task Cleanup_AfterTunnelDropIns_RemovedWithoutRestartingTheirUnits()
    {
        using var dir = new TempUnitDirectory();
        await new AfterTunnelBinder(dir.Units, new RecordingSystemctl()).BindAsync(Units("docker.service"));
        await new ExporterBinder(dir.Units, new UnitChangeApplier(new RecordingSystemctl())).BindAsync(Plan("10.77.0.2/24"));
        dir.Write("docker.service.d/override.conf", "[Service]\nLimitNOFILE=65536\n");
        var systemctl = new RecordingSystemctl().With("docker.service", "active").With(Service, "active");

        var result = await new GeneratedUnitsCleaner([dir.Units], new UnitChangeApplier(systemctl)).RemoveAllAsync();

        Assert.Equal(["docker.service.d", "docker.service.d/override.conf"], dir.Listing());
        Assert.Contains(result.Changes, c => c.RelativePath == Docker && c.IsRemoval);
        // The exporter goes back to its stock unit (restarted); docker, running, is not touched.
        Assert.Equal([$"stop {Service}", "daemon-reload", $"start {Service}"], systemctl.Actions);
        Assert.DoesNotContain(systemctl.Calls, c => c.Contains("docker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cleanup_OnlyAfterTunnelDropIns_RemovedWithOneReload()
    {
        using var dir = new TempUnitDirectory();
        await new AfterTunnelBinder(dir.Units, new RecordingSystemctl()).BindAsync(Units("docker.service", "srv-data.mount"));
        var systemctl = new RecordingSystemctl().With("docker.service", "active");

        await new GeneratedUnitsCleaner([dir.Units], new UnitChangeApplier(systemctl)).RemoveAllAsync();

        Assert.Empty(dir.Listing());
        Assert.Equal(["daemon-reload"], systemctl.Calls);
    }

    private static SystemdUnitName Unit(string text) =>
        SystemdUnitName.TryParse(text, out var unit, out var error) ? unit : throw new ArgumentException(error);

    private static IReadOnlyList<SystemdUnitName> Units(params string[] names) => names.Select(Unit).ToList();
}
