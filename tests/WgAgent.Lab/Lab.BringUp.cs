using System.Diagnostics;
using System.Net;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Echo;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Prometheus;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Lab;

public sealed partial class Lab
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);
    private readonly List<string> _createdNamespaces = [];

    private async Task BringUpAsync(CancellationToken cancellationToken)
    {
        // Key generation needs no namespace: overlap it with the underlay.
        var keys = Task.WhenAll(
            WireGuardKeyPair.GenerateAsync(cancellationToken),
            WireGuardKeyPair.GenerateAsync(cancellationToken),
            WireGuardKeyPair.GenerateAsync(cancellationToken));

        await TimedAsync("namespaces", () => CreateNamespacesAsync(cancellationToken)).ConfigureAwait(false);
        await TimedAsync("anchors", () => Task.WhenAll(Hosts.Select(h => h.StartAnchorAsync(StepTimeout, cancellationToken)))).ConfigureAwait(false);
        await TimedAsync("underlay", () => ConfigureUnderlayAsync(cancellationToken)).ConfigureAwait(false);
        if (Guest is { } guest)
        {
            await TimedAsync("guest", () => ConfigureGuestAsync(guest, cancellationToken)).ConfigureAwait(false);
        }

        var pairs = await keys.ConfigureAwait(false);
        BuildTunnelConfigs(pairs[0], pairs[1], pairs[2]);
        // With an external node tunnel, a booted host in node's namespace brings up node's wg0 itself.
        (LabHost Host, TunnelConfig Tunnel)[] wireGuardHosts = Options.ExternalNodeTunnel
            ? [(Monitor, MonitorTunnel), (Stranger, StrangerTunnel)]
            : [(Monitor, MonitorTunnel), (Stranger, StrangerTunnel), (Node, NodeTunnel)];
        await TimedAsync("wireguard", () => Task.WhenAll(wireGuardHosts.Select(h => StartWireGuardAsync(h.Host, h.Tunnel, cancellationToken))))
            .ConfigureAwait(false);
        if (Guest is not null)
        {
            await TimedAsync("guest tunnel", () => RouteGuestThroughMonitorAsync(cancellationToken)).ConfigureAwait(false);
        }

        await TimedAsync("services", () => Task.Run(StartServices, cancellationToken)).ConfigureAwait(false);
        await TimedAsync("ready", () => WaitUntilReadyAsync(cancellationToken)).ConfigureAwait(false);
    }

    private async Task CreateNamespacesAsync(CancellationToken cancellationToken)
    {
        foreach (var host in Hosts)
        {
            var result = await CommandRunner.RunAsync(["ip", "netns", "add", host.NamespaceName], StepTimeout, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            // Recorded even if `add` failed: the name is ours (unique run id), and removing a missing one is a no-op.
            _createdNamespaces.Add(host.NamespaceName);
            if (!File.Exists(host.NamespacePath))
            {
                throw new LabException(result.Succeeded ? $"`ip netns add` did not create {host.NamespacePath}" : result.Describe());
            }
        }
    }

    private async Task ConfigureUnderlayAsync(CancellationToken cancellationToken)
    {
        // DAD off before any link exists, so every IPv6 address (link-local too) is usable at once.
        await Task.WhenAll(Hosts.Select(h => RunBatchAsync(h, ["sysctl", "-q", "-w",
            "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0",
            .. h == Router ? (string[])["net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"] : []], null, cancellationToken))).ConfigureAwait(false);

        await RunIpBatchAsync(Router, LabTopology.RouterBridges(), cancellationToken).ConfigureAwait(false);
        IPAddress[] inetLoopback =
        [
            LabAddresses.InetFar.V4, LabAddresses.InetFar.V6, LabAddresses.InetDnsA.V4, LabAddresses.InetDnsA.V6,
            LabAddresses.InetDnsB.V4, LabAddresses.InetDnsB.V6,
        ];
        LabHost[] lanHosts = [Node, Lan];
        LabHost[] wanHosts = [Inet, Monitor, Stranger];
        await Task.WhenAll(
            lanHosts.Select(h => RunIpBatchAsync(h, LabTopology.Host(h.Name, Router.NamespaceName, h.Addresses, true), cancellationToken))
            .Concat(wanHosts.Select(h => RunIpBatchAsync(
                h, LabTopology.Host(h.Name, Router.NamespaceName, h.Addresses, false, h == Inet ? inetLoopback : null), cancellationToken))))
            .ConfigureAwait(false);
        await RunIpBatchAsync(
            Router, LabTopology.RouterPorts(lanHosts.Select(h => h.Name), wanHosts.Select(h => h.Name)), cancellationToken).ConfigureAwait(false);
    }

    private void BuildTunnelConfigs(WireGuardKeyPair node, WireGuardKeyPair monitor, WireGuardKeyPair stranger)
    {
        static (IPAddress, int)[] AddressesOf(HostAddresses a) =>
            [(a.RequiredTunnelV4, LabAddresses.TunnelV4.PrefixLength), (a.RequiredTunnelV6, LabAddresses.TunnelV6.PrefixLength)];
        static IPNetwork[] HostRoutes(HostAddresses a) =>
            [new(a.RequiredTunnelV4, 32), new(a.RequiredTunnelV6, 128)];
        static IPEndPoint Endpoint(HostAddresses a) => new(a.V4, LabPorts.WireGuard);

        var nodePeer = new WireGuardPeer("node", node.PublicKey, Endpoint(LabAddresses.Node), HostRoutes(LabAddresses.Node));
        _nodeTunnel = new TunnelConfig("node", node, AddressesOf(LabAddresses.Node), LabPorts.WireGuard, LabPorts.FwMark,
        [
            new WireGuardPeer("monitor", monitor.PublicKey, Endpoint(LabAddresses.Monitor), HostRoutes(LabAddresses.Monitor)),
            new WireGuardPeer("stranger", stranger.PublicKey, Endpoint(LabAddresses.Stranger), HostRoutes(LabAddresses.Stranger)),
        ]);
        _monitorTunnel = new TunnelConfig("monitor", monitor, AddressesOf(LabAddresses.Monitor), LabPorts.WireGuard, null, [nodePeer]);
        _strangerTunnel = new TunnelConfig("stranger", stranger, AddressesOf(LabAddresses.Stranger), LabPorts.WireGuard, null, [nodePeer]);
    }

    private async Task StartWireGuardAsync(LabHost host, TunnelConfig tunnel, CancellationToken cancellationToken)
    {
        // Foreground (-f) so the lab owns the PID; the socket appears in the host's private /run/wireguard.
        var daemon = host.Start("wireguard-go", ["wireguard-go", "-f", TunnelConfig.InterfaceName]);
        var socket = host.HostPath($"{LabHost.WireGuardRunDirectory}/{TunnelConfig.InterfaceName}.sock");
        await PollAsync($"{host.Name}: wireguard-go socket {socket}", () =>
        {
            daemon.EnsureRunning();
            return Task.FromResult(File.Exists(socket));
        }, cancellationToken).ConfigureAwait(false);

        var keyDirectory = Directory.CreateDirectory(Path.Combine(Run.Directory, "keys"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var keyPath = Path.Combine(keyDirectory.FullName, $"{host.Name}.key");
        File.WriteAllText(keyPath, tunnel.Keys.PrivateKey + "\n");
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await RunBatchAsync(host, ["wg", "set", TunnelConfig.InterfaceName, .. tunnel.ToWgSetArguments(keyPath)], null, cancellationToken)
            .ConfigureAwait(false);
        await RunIpBatchAsync(host, LabTopology.Tunnel(host.Addresses), cancellationToken).ConfigureAwait(false);
    }

    private void StartServices()
    {
        _inetEcho = EchoServer.Start(Inet, LabAddresses.InetAll, LabPorts.InetEchoPorts);
        _lanEcho = EchoServer.Start(Lan, [LabAddresses.Lan.V4, LabAddresses.Lan.V6], [LabPorts.Echo]);
        if (!Options.ExternalNodeTunnel)
        {
            NodeExporter = Node.Start("node_exporter",
            [
                "prometheus-node-exporter",
                $"--web.listen-address={new IPEndPoint(LabAddresses.Node.RequiredTunnelV4, LabPorts.NodeExporter)}",
                $"--web.listen-address={new IPEndPoint(LabAddresses.Node.RequiredTunnelV6, LabPorts.NodeExporter)}",
                "--log.level=warn",
            ]);
        }

        var target = new IPEndPoint(LabAddresses.Node.RequiredTunnelV4, LabPorts.NodeExporter).ToString();
        _prometheus = PrometheusServer.Start(Monitor, Path.Combine(Run.Directory, "prometheus"), target, Options.ScrapeInterval);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var waits = new List<Task> { Prometheus.WaitUntilReadyAsync(StepTimeout, cancellationToken) };
        if (!Options.ExternalNodeTunnel)
        {
            var exporter = NodeExporter!;
            waits.Add(PollAsync("node_exporter listening on the node's tunnel address", async () =>
            {
                exporter.EnsureRunning();
                return (await Node.TcpConnectAsync(LabAddresses.Node.RequiredTunnelV4, LabPorts.NodeExporter, cancellationToken: cancellationToken)
                    .ConfigureAwait(false)).Reachable;
            }, cancellationToken));
            // The first ping also makes the WireGuard handshake, so the tunnels are proven before tests run.
            foreach (var peer in new[] { Monitor, Stranger })
            {
                waits.Add(PollAsync($"{peer.Name} pings the node through WireGuard", async () =>
                    (await peer.PingAsync(LabAddresses.Node.RequiredTunnelV4, cancellationToken: cancellationToken).ConfigureAwait(false)).Reachable,
                    cancellationToken));
            }
        }

        await Task.WhenAll(waits).ConfigureAwait(false);
    }

    private static async Task RunIpBatchAsync(LabHost host, string script, CancellationToken cancellationToken) =>
        await RunBatchAsync(host, ["ip", "-batch", "-"], script, cancellationToken).ConfigureAwait(false);

    private static async Task RunBatchAsync(LabHost host, string[] argv, string? input, CancellationToken cancellationToken)
    {
        var result = await host.RunAsync(argv, StepTimeout, input, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new LabException($"{host.Name}: {result.Describe()}{(input is null ? "" : $"\n--- input ---\n{input}")}");
        }
    }

    private static async Task PollAsync(string what, Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (deadline.Elapsed > StepTimeout)
            {
                throw new LabException($"waiting for {what}: not within {StepTimeout.TotalSeconds} s");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TimedAsync(string step, Func<Task> run)
    {
        var stopwatch = Stopwatch.StartNew();
        await run().ConfigureAwait(false);
        _steps.Add((step, stopwatch.Elapsed));
        if (Options.FailAfterStep == step)
        {
            throw new LabException($"failing after step \"{step}\" as the test asked");
        }
    }
}
