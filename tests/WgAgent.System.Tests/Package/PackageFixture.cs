using System.Collections.Concurrent;
using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Probes;
using WgAgent.Lab.Processes;
using WgAgent.System.Tests.Booting;
using WgAgent.System.Tests.DaemonLifecycle;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// wgagent's whole life as a Debian package on the lab's node: a fresh Debian 12 (nothing of wgagent's on it) boots,
/// then, in this order, each step recording what it saw:
/// <list type="number">
/// <item><see cref="Install"/>: <c>apt-get install ./wgagent_VERSION_amd64.deb</c>, the lab's /etc/wgagent.toml and
/// wg0.conf, <c>systemctl enable --now wgagent</c>;</item>
/// <item><see cref="Reboot"/>: power off, boot again on the same disk; order, status, Prometheus, the sandbox;</item>
/// <item><see cref="GapControl"/>: the upgrade's instruments shown to catch a 300 ms gap in the table;</item>
/// <item><see cref="Upgrade"/>: <c>apt-get install</c> of a higher version while they run;</item>
/// <item><see cref="Purge"/>: <c>apt-get purge wgagent</c> and what is left.</item>
/// </list>
/// Both .debs are built by scripts/build-deb.sh while the lab comes up. Each step depends on the ones before (it is
/// one host's history), so a failed step makes the later ones fail too, each with its own error. xunit runs facts in
/// no order, so the order lives here and the facts only judge the records.
/// </summary>
public sealed partial class PackageFixture : BootedLabFixture
{
    /// <summary>The wg-quick unit of the lab's tunnel.</summary>
    public const string TunnelUnit = "wg-quick@wg0.service";

    private static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StatusWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentQueue<string> notes = new();
    private Task<DebPackages>? building;
    private DebPackages? packages;

    /// <summary>The two packages (throws if building them failed: the fixture's error says why).</summary>
    public DebPackages Packages => packages ?? throw new InvalidOperationException("the packages were not built (see the fixture's setup error)");

    /// <summary>(1) The install.</summary>
    public ScenarioStep<InstallRecord> Install { get; private set; } = ScenarioStep<InstallRecord>.NotRun("install");

    /// <summary>(2) The reboot after it.</summary>
    public ScenarioStep<RebootRecord> Reboot { get; private set; } = ScenarioStep<RebootRecord>.NotRun("reboot");

    /// <summary>(3) The instruments' control.</summary>
    public ScenarioStep<GapControlRecord> GapControl { get; private set; } = ScenarioStep<GapControlRecord>.NotRun("gap control");

    /// <summary>(4) The upgrade.</summary>
    public ScenarioStep<UpgradeRecord> Upgrade { get; private set; } = ScenarioStep<UpgradeRecord>.NotRun("upgrade");

    /// <summary>(5) The purge.</summary>
    public ScenarioStep<PurgeRecord> Purge { get; private set; } = ScenarioStep<PurgeRecord>.NotRun("purge");

    /// <summary>What the steps noted on the way, for the test output.</summary>
    public IReadOnlyList<string> Notes => [.. notes];

    /// <summary>inet's addresses, IPv4 and IPv6, that the node reaches outside the tunnel (its default route).</summary>
    internal static IReadOnlyList<IPAddress> EgressTargets { get; } = [LabAddresses.Inet.V4, LabAddresses.Inet.V6];

    /// <inheritdoc />
    protected override string What => "node with wgagent installed from its .deb";

    /// <summary>A unit that fails after the reboot shows in a fact with its journal, not as a setup error.</summary>
    protected override bool AcceptDegraded => true;

    /// <inheritdoc />
    protected override string SetupIncludes => "building both .debs, the reboot and every step included";

    /// <summary>Starts building the packages (they are needed only after the boot), after checking the published binaries.</summary>
    protected override async Task BeforeLabAsync()
    {
        await DaemonNodeFixture.EnsureDaemonVerbAsync();
        building = Task.Run(DebPackages.BuildAsync);
    }

    /// <summary>Nothing: the package's user starts from a Debian without any trace of wgagent.</summary>
    protected override Task PrepareAsync(BootedHost booted) => Task.CompletedTask;

    /// <summary>The steps, in order.</summary>
    protected override async Task AfterBootAsync(BootedHost booted)
    {
        packages = await (building ?? throw new InvalidOperationException("the packages were never started"));
        Note($"built {DebPackages.FileName(packages.BaseVersion)} and {DebPackages.FileName(packages.UpgradeVersion)} in {packages.BuildTime.TotalSeconds:0.0} s");
        Install = await ScenarioStep<InstallRecord>.RunAsync("install", () => InstallAsync(booted));
        Reboot = await ScenarioStep<RebootRecord>.RunAsync("reboot", () => RebootAsync(booted));
        GapControl = await ScenarioStep<GapControlRecord>.RunAsync("gap control", () => GapControlAsync(booted));
        Upgrade = await ScenarioStep<UpgradeRecord>.RunAsync("upgrade", () => UpgradeAsync(booted));
        Purge = await ScenarioStep<PurgeRecord>.RunAsync("purge", () => PurgeAsync(booted));
    }

    /// <summary>The host and the lab, then the packages' folder (also after a failed setup, once the build ended).</summary>
    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (packages is null && building is not null)
            {
                packages = await building.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
            }

            packages?.Dispose();
        }
    }

    /// <summary>
    /// apt-get as a script would run it: no questions, the output in the result. apt-get rather than apt: the same
    /// install of a local ./file.deb, but apt warns that its command line is not stable when it is not on a terminal,
    /// and the steps check that the output has no warning in it.
    /// </summary>
    private static Task<CommandResult> AptGetAsync(BootedHost booted, params string[] arguments) =>
        booted.ExecAsync(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "--yes", .. arguments], AptTimeout);

    /// <summary>Copies a .deb into the node where apt's unprivileged download user can read it (it warns otherwise).</summary>
    private static async Task<string> CopyDebAsync(BootedHost booted, string hostPath)
    {
        var inside = "/var/tmp/" + Path.GetFileName(hostPath);
        await booted.CopyInAsync(hostPath, inside, BootedHost.DefaultFileMode);
        return inside;
    }

    /// <summary><c>systemctl is-active</c> of each unit (it prints one line per unit, in order).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ActiveAsync(BootedHost booted, params string[] units)
    {
        var lines = (await booted.ExecAsync(["systemctl", "is-active", .. units])).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return units.Select((unit, i) => (unit, state: i < lines.Length ? lines[i].Trim() : "(no answer)"))
            .ToDictionary(p => p.unit, p => p.state, StringComparer.Ordinal);
    }

    /// <summary>Node to inet outside the tunnel, once per address: the probe the upgrade's loop repeats, as a one-off.</summary>
    private async Task<IReadOnlyList<ProbeResult>> EgressOnceAsync() =>
        await Task.WhenAll(EgressTargets.Select(t => Lab.Node.TcpConnectAsync(t, LabPorts.Echo, ProbeAssert.Patient)));

    /// <summary>
    /// Polls <c>agentctl status --json</c> until it exits 0 (bounded). The lab's peers have no keepalive: a ping to
    /// monitor and stranger over the tunnel makes the handshakes a healthy status wants to see.
    /// </summary>
    private static async Task<(CommandResult Last, TimeSpan Waited)> WaitStatusOkAsync(BootedHost booted)
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await booted.ExecAsync([AgentPackage.AgentCtlPath, "status", "--json"]);
            if (status.ExitCode == 0 || clock.Elapsed > StatusWait)
            {
                return (status, clock.Elapsed);
            }

            foreach (var peer in new[] { LabAddresses.Monitor, LabAddresses.Stranger })
            {
                await booted.ExecAsync(["ping", "-c", "1", "-W", "1", peer.RequiredTunnelV4.ToString()]);
            }

            await Task.Delay(PollInterval);
        }
    }

    private void Note(string text) => notes.Enqueue(text);
}
