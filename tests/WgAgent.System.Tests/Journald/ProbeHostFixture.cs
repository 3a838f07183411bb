using WgAgent.Lab.Netns;
using WgAgent.Lab.Nspawn;
using WgAgent.System.Tests.Nspawn;

namespace WgAgent.System.Tests.Journald;

/// <summary>
/// A Debian 12 booted on a scratch namespace (no lab network needed) with the probes copied in and the
/// host's .NET bind-mounted read-only. One boot for the collection.
/// </summary>
public sealed class ProbeHostFixture : IAsyncLifetime
{
    private static readonly TestProbe[] Probes = [TestProbe.Journald, TestProbe.Systemd];
    private ScratchNamespace? ns;
    private BootedHost? host;

    /// <summary>The booted host; throws if setup failed.</summary>
    public BootedHost Host => host ?? throw new InvalidOperationException("the probe host is not up (see the fixture's setup error)");

    public async Task InitializeAsync()
    {
        foreach (var probe in Probes)
        {
            probe.EnsurePresent();
        }

        ns = Scratch.Create();
        try
        {
            host = await BootedHost.StartAsync(
                new BootedHostOptions
                {
                    NetworkNamespacePath = ns.Path,
                    MachineNamePrefix = "wgl2-probe",
                    ExtraNspawnArguments = [$"--bind-ro={TestProbe.DotnetRoot}:{TestProbe.DotnetInside}"],
                },
                async h =>
                {
                    foreach (var probe in Probes)
                    {
                        await probe.CopyInAsync(h);
                    }
                });
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
        finally
        {
            ns?.Dispose();
        }
    }
}
