using System.Diagnostics;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Echo;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Prometheus;
using WgAgent.Lab.Runs;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab;

/// <summary>
/// One run of the level-1 network lab: router, node, monitor, inet, lan and stranger as network namespaces,
/// real WireGuard (wireguard-go) between node and monitor/stranger, node_exporter on the node's tunnel
/// address, Prometheus in monitor scraping it, and echo services on inet and lan.
/// </summary>
/// <remarks>
/// Start with <see cref="StartAsync"/>; dispose to remove everything (also after a failed test or a
/// half-finished bring-up). Leftovers of crashed runs are removed at the next start.
/// </remarks>
public sealed partial class Lab : IAsyncDisposable
{
    private readonly List<(string Step, TimeSpan Elapsed)> _steps = [];
    private TunnelConfig? _nodeTunnel;
    private TunnelConfig? _monitorTunnel;
    private TunnelConfig? _strangerTunnel;
    private PrometheusServer? _prometheus;
    private EchoServer? _inetEcho;
    private EchoServer? _lanEcho;

    private Lab(LabRun run, LabOptions options)
    {
        Run = run;
        Options = options;
        Router = new LabHost("router", run.NamespaceName("router"), LabAddresses.RouterLan);
        Node = new LabHost("node", run.NamespaceName("node"), LabAddresses.Node);
        Monitor = new LabHost("monitor", run.NamespaceName("monitor"), LabAddresses.Monitor);
        Inet = new LabHost("inet", run.NamespaceName("inet"), LabAddresses.Inet);
        Lan = new LabHost("lan", run.NamespaceName("lan"), LabAddresses.Lan);
        Stranger = new LabHost("stranger", run.NamespaceName("stranger"), LabAddresses.Stranger);
        Guest = options.Guest ? new LabHost("guest", run.NamespaceName("guest"), LabAddresses.Guest) : null;
        Hosts = Guest is null ? [Router, Node, Monitor, Inet, Lan, Stranger] : [Router, Node, Monitor, Inet, Lan, Stranger, Guest];
    }

    /// <summary>This run's id, directory and naming.</summary>
    public LabRun Run { get; }

    /// <summary>The run id (6 hex digits, part of every namespace name).</summary>
    public string Id => Run.Id;

    /// <summary>The options it was built with.</summary>
    public LabOptions Options { get; }

    /// <summary>Routes between the LAN and WAN segments and to the "far" prefix.</summary>
    public LabHost Router { get; }

    /// <summary>The host under test: wg0 (unless <see cref="LabOptions.ExternalNodeTunnel"/>) and node_exporter.</summary>
    public LabHost Node { get; }

    /// <summary>The scraper: Prometheus and a WireGuard peer of the node.</summary>
    public LabHost Monitor { get; }

    /// <summary>The internet stand-in: echo services on all of <see cref="LabAddresses.InetAll"/>, answers ping.</summary>
    public LabHost Inet { get; }

    /// <summary>A host on the node's LAN: echo on port 7, answers ping.</summary>
    public LabHost Lan { get; }

    /// <summary>A WireGuard peer of the node that is not a scraper.</summary>
    public LabHost Stranger { get; }

    /// <summary>The host behind node whose traffic node forwards, or null without <see cref="LabOptions.Guest"/>.</summary>
    public LabHost? Guest { get; }

    /// <summary>All hosts, router first (guest last, when there is one).</summary>
    public IReadOnlyList<LabHost> Hosts { get; }

    /// <summary>The node's wg0: keys, addresses and peers; <see cref="TunnelConfig.ToWgQuickConfig"/> gives its wg0.conf.</summary>
    public TunnelConfig NodeTunnel => _nodeTunnel ?? throw NotUp();

    /// <summary>The monitor's wg0.</summary>
    public TunnelConfig MonitorTunnel => _monitorTunnel ?? throw NotUp();

    /// <summary>The stranger's wg0.</summary>
    public TunnelConfig StrangerTunnel => _strangerTunnel ?? throw NotUp();

    /// <summary>Prometheus in monitor.</summary>
    public PrometheusServer Prometheus => _prometheus ?? throw NotUp();

    /// <summary>The echo services on inet (with what reached them).</summary>
    public EchoServer InetEcho => _inetEcho ?? throw NotUp();

    /// <summary>The echo service on lan.</summary>
    public EchoServer LanEcho => _lanEcho ?? throw NotUp();

    /// <summary>The node's node_exporter, or null with <see cref="LabOptions.ExternalNodeTunnel"/>.</summary>
    public LabProcess? NodeExporter { get; private set; }

    /// <summary>Wall time of <see cref="StartAsync"/> (stale cleanup included).</summary>
    public TimeSpan BringUpTime { get; private set; }

    /// <summary>How long each bring-up step took, in order.</summary>
    public IReadOnlyList<(string Step, TimeSpan Elapsed)> BringUpSteps => [.. _steps];

    /// <summary>Ids of crashed runs that this start removed.</summary>
    public IReadOnlyList<string> RemovedStaleRuns { get; private set; } = [];

    /// <summary>The namespace names of this run.</summary>
    public IReadOnlyList<string> NamespaceNames => [.. Hosts.Select(h => h.NamespaceName)];

    /// <summary>Removes stale runs, then builds a new lab; on any failure tears down what was built and throws.</summary>
    /// <exception cref="LabException">Not root, a tool missing, or a bring-up step failed (the message says which).</exception>
    public static async Task<Lab> StartAsync(LabOptions? options = null, CancellationToken cancellationToken = default)
    {
        LabPreconditions.Ensure();
        ThreadPoolHeadroom.Ensure();
        var stopwatch = Stopwatch.StartNew();
        var (removed, problems) = await StaleRunCleaner.RemoveStaleRunsAsync().ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new LabException($"removing leftovers of crashed lab runs: {string.Join("; ", problems)}");
        }

        var lab = new Lab(LabRun.Create(ProcessIdentity.Current), options ?? new LabOptions()) { RemovedStaleRuns = removed };
        lab._steps.Add(("stale-run cleanup", stopwatch.Elapsed));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(lab.Options.BringUpTimeout);
        try
        {
            await lab.BringUpAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lab.Options.OnBringUpFailed?.Invoke(lab);
            var cleanup = await lab.TeardownAsync().ConfigureAwait(false);
            var suffix = cleanup.Count == 0 ? "" : $" (and cleanup failed: {string.Join("; ", cleanup)})";
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new LabException($"lab {lab.Id}: bring-up did not finish within {lab.Options.BringUpTimeout.TotalSeconds} s{suffix}", e);
            }

            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new LabException($"lab {lab.Id}: bringing the lab up: {e.Message}{suffix}", e);
        }

        lab.BringUpTime = stopwatch.Elapsed;
        return lab;
    }

    /// <summary>Kills every process of this run, deletes its namespaces and its run directory.</summary>
    /// <exception cref="LabException">Something could not be removed (the message lists what).</exception>
    public async ValueTask DisposeAsync()
    {
        var problems = await TeardownAsync().ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new LabException($"lab {Id}: cleanup left things behind: {string.Join("; ", problems)}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"lab {Id} ({string.Join(", ", NamespaceNames)})";

    private InvalidOperationException NotUp() => new($"lab {Id} is not (or no longer) up");
}
