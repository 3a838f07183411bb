using System.Net.Sockets;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Netns;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Hosts;

/// <summary>
/// One lab host: a network namespace plus a private mount namespace (with its own /run/wireguard), held open
/// by an anchor process. Every command runs through <c>nsenter</c> into both, so wg, wireguard-go and
/// later the agent see the same /run/wireguard, and two hosts (or two labs) can each have a <c>wg0</c>.
/// </summary>
public sealed partial class LabHost : IAsyncDisposable
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);
    private readonly List<LabProcess> _processes = [];
    private LabProcess? _anchor;

    internal LabHost(string name, string namespaceName, HostAddresses addresses)
    {
        Name = name;
        NamespaceName = namespaceName;
        Addresses = addresses;
    }

    /// <summary>The host's role name: router, node, monitor, inet, lan or stranger.</summary>
    public string Name { get; }

    /// <summary>The network namespace name, e.g. <c>wgl-1a2b3c-node</c>.</summary>
    public string NamespaceName { get; }

    /// <summary>The network namespace's path, e.g. for <c>systemd-nspawn --network-namespace-path</c>.</summary>
    public string NamespacePath => $"/run/netns/{NamespaceName}";

    /// <summary>The host's addresses (for the router: its LAN side; see <see cref="LabAddresses"/>).</summary>
    public HostAddresses Addresses { get; }

    /// <summary>PID of the anchor process that holds the host's mount namespace open.</summary>
    public int AnchorPid => _anchor?.Pid ?? throw new InvalidOperationException($"{Name}: the host is not started");

    /// <summary>True while the anchor runs (from bring-up's "anchors" step until teardown).</summary>
    public bool IsRunning => _anchor is { HasExited: false };

    /// <summary>The host's view of a path in its private mount namespace, readable from the test process.</summary>
    /// <remarks>/proc/PID/root resolves through the anchor's mount namespace (proc(5)).</remarks>
    public string HostPath(string absolutePath) => $"/proc/{AnchorPid}/root{absolutePath}";

    /// <summary>The background processes this host started that are still tracked, anchor excluded.</summary>
    public IReadOnlyList<LabProcess> Processes
    {
        get
        {
            lock (_processes)
            {
                return [.. _processes];
            }
        }
    }

    /// <summary>Runs a command inside the host and waits for it (bounded by <paramref name="timeout"/>).</summary>
    public Task<CommandResult> RunAsync(
        IReadOnlyList<string> argv,
        TimeSpan? timeout = null,
        string? standardInput = null,
        CancellationToken cancellationToken = default) =>
        CommandRunner.RunAsync(Enter(argv), timeout, standardInput, cancellationToken);

    /// <summary>Runs a command inside the host with the default timeout.</summary>
    public Task<CommandResult> RunAsync(params string[] argv) => RunAsync((IReadOnlyList<string>)argv);

    /// <summary>Runs a command inside the host and throws a <see cref="LabException"/> unless it exits 0.</summary>
    public async Task<CommandResult> RunCheckedAsync(params string[] argv) =>
        (await RunAsync(argv).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Starts a background process inside the host; the lab kills it (by PID) on dispose.</summary>
    /// <param name="name">Short name for messages, e.g. "prometheus".</param>
    /// <param name="argv">Program and arguments (no shell). Must stay in the foreground.</param>
    public LabProcess Start(string name, IReadOnlyList<string> argv)
    {
        var process = LabProcess.Start($"{Name}/{name}", Enter(argv));
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    /// <summary>Creates a socket inside the host's network namespace (usable from any thread).</summary>
    public Socket CreateSocket(AddressFamily family, SocketType type, ProtocolType protocol) =>
        NetnsSockets.Create(NamespacePath, family, type, protocol);

    /// <summary>Kills the tracked processes, then the anchor; safe to call twice.</summary>
    /// <returns>Problems met (processes that did not die), empty when all is well.</returns>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        var problems = new List<string>();
        LabProcess[] processes;
        lock (_processes)
        {
            processes = [.. _processes];
            _processes.Clear();
        }

        // Reverse start order: services before what they depend on.
        foreach (var process in processes.Reverse())
        {
            if (!await process.KillAsync(KillTimeout).ConfigureAwait(false))
            {
                problems.Add($"{process} still running {KillTimeout.TotalSeconds} s after SIGKILL");
            }

            await process.DisposeAsync().ConfigureAwait(false);
        }

        if (_anchor is { } anchor)
        {
            if (!await anchor.KillAsync(KillTimeout).ConfigureAwait(false))
            {
                problems.Add($"{anchor} still running {KillTimeout.TotalSeconds} s after SIGKILL");
            }

            await anchor.DisposeAsync().ConfigureAwait(false);
        }

        return problems;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({NamespaceName})";

    private string[] Enter(IReadOnlyList<string> argv) =>
        ["nsenter", "-t", AnchorPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-n", "-m", "--", .. argv];
}
