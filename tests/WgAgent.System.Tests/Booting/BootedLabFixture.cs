using System.Diagnostics;
using WgAgent.Lab;
using WgAgent.Lab.Nspawn;

namespace WgAgent.System.Tests.Booting;

/// <summary>
/// The level-1 lab with an external node tunnel, and a real Debian 12 booted inside node's namespace, prepared by the
/// subclass before the boot (files written, units enabled). Booting costs seconds, so one per collection or class.
/// </summary>
public abstract class BootedLabFixture : LabFixture
{
    private BootedHost? host;

    /// <summary>The booted node; throws if setup failed (its exception is then the fixture's error).</summary>
    public BootedHost Host => host ?? throw new InvalidOperationException($"the {What} is not up (see the fixture's setup error)");

    /// <summary>How long the lab and the boot took, for the test output.</summary>
    public string Timings { get; private set; } = string.Empty;

    /// <summary>What the node is, for messages ("booted node", "guarded node").</summary>
    protected abstract string What { get; }

    /// <summary>Whether a boot with a failed unit counts as booted (<see cref="BootedHostOptions.AcceptDegraded"/>).</summary>
    protected virtual bool AcceptDegraded => false;

    /// <summary>What the setup time includes besides the lab and the boot, for <see cref="Timings"/>.</summary>
    protected virtual string SetupIncludes => "rootfs cache check included";

    /// <summary>Lab, then host; if a step fails, what is up is torn down and that step's error is thrown.</summary>
    public override async Task InitializeAsync()
    {
        var setup = Stopwatch.StartNew();
        await BeforeLabAsync();
        await base.InitializeAsync();
        try
        {
            host = await BootedHost.StartAsync(
                new BootedHostOptions { NetworkNamespacePath = Lab.Node.NamespacePath, MachineNamePrefix = $"wgl2-{Lab.Id}", AcceptDegraded = AcceptDegraded },
                PrepareAsync);
            await AfterBootAsync(host);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        Timings = $"lab bring-up {BringUpTime.TotalSeconds:0.00} s, boot {host.BootDuration!.Value.TotalSeconds:0.00} s, "
            + $"fixture setup {setup.Elapsed.TotalSeconds:0.00} s ({SetupIncludes})";
    }

    /// <summary>Host first (it lives in the lab's node namespace), then the lab.</summary>
    public override async Task DisposeAsync()
    {
        try
        {
            if (host is not null)
            {
                await host.DisposeAsync();
                host = null;
            }
        }
        finally
        {
            await base.DisposeAsync();
        }
    }

    /// <summary>The lab with node's wg0 and node_exporter left to the booted host.</summary>
    protected override LabOptions CreateOptions() => new() { ExternalNodeTunnel = true };

    /// <summary>Checks to make before any namespace exists, so the likeliest failure says what to do.</summary>
    protected virtual Task BeforeLabAsync() => Task.CompletedTask;

    /// <summary>Writes files and enables units in the host before it boots.</summary>
    protected abstract Task PrepareAsync(BootedHost booted);

    /// <summary>Checks the booted host before any test runs; throwing fails the fixture (and tears it down).</summary>
    protected virtual Task AfterBootAsync(BootedHost booted) => Task.CompletedTask;
}
