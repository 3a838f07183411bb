using System.Text.Json;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Agent;
using WgAgent.Lab.Installing;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.WireGuard;

namespace WgAgent.Status.Bench.Node;

/// <summary>
/// The booted node as a host with the package has it (tests/WgAgent.Lab's AgentInstaller: binaries, units, config,
/// wg0.conf, the wgagent group, wgagent.service enabled), plus the tools the benchmark runs inside it.
/// </summary>
internal static class NodeSetup
{
    /// <summary>hyperfine inside the node (the host's binary: it needs only libc, libm and libgcc_s, which Debian 12 has).</summary>
    public const string Hyperfine = "/usr/local/bin/hyperfine";

    /// <summary>Where the ReadyToRun agentctl of the experiment goes (the same source without Native AOT).</summary>
    public const string ReadyToRunAgentCtl = "/usr/local/bin/agentctl-r2r";

    /// <summary>The status socket, as the daemon sees it.</summary>
    public const string StatusSocket = "/run/wgagent/agent.sock";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Installs everything before the boot.</summary>
    public static async Task PrepareAsync(BootedHost host, TunnelConfig tunnel, string? readyToRunAgentCtl, IReadOnlyList<string> daemonEnvironment)
    {
        await AgentInstaller.InstallGuardedNodeAsync(host, tunnel, LabAgentConfig.TunnelEgress());
        await AgentInstaller.InstallDaemonAsync(host);
        await host.CopyInAsync("/usr/bin/hyperfine", Hyperfine, AgentPackage.ExecutableMode);
        if (daemonEnvironment.Count > 0)
        {
            await host.WriteFileAsync($"/etc/systemd/system/{AgentPackage.DaemonUnit}.d/bench-environment.conf",
                "[Service]\n" + string.Concat(daemonEnvironment.Select(e => $"Environment=\"{e}\"\n")));
        }

        if (readyToRunAgentCtl is not null)
        {
            await host.CopyInAsync(readyToRunAgentCtl, ReadyToRunAgentCtl, AgentPackage.ExecutableMode);
        }
    }

    /// <summary>
    /// Waits (bounded) until the node runs, wgagent.service is active and `agentctl status --json` says "ok" — the tunnel
    /// up with a handshake, the kill switch verified, the exporter bound. Returns the last state and problems either way.
    /// </summary>
    /// <exception cref="InvalidOperationException">wgagent.service is not active, or the status never answered.</exception>
    public static async Task<(string State, IReadOnlyList<string> Problems)> WaitForOkAsync(BootedHost host, Action<string> log, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        (string State, IReadOnlyList<string> Problems) last = ("unreachable", []);
        for (var attempt = 0; attempt < 1000 && DateTime.UtcNow < deadline; attempt++)
        {
            var active = (await host.ExecAsync(["systemctl", "is-active", AgentPackage.DaemonUnit], cancellationToken: cancellationToken)).Stdout.Trim();
            if (active is "failed" or "inactive")
            {
                var journal = (await host.ExecAsync(["journalctl", "--boot", "--no-pager", "--lines=40", "--unit", AgentPackage.DaemonUnit],
                    cancellationToken: cancellationToken)).Stdout;
                throw new InvalidOperationException($"wgagent.service is {active}; its journal:\n{journal}");
            }

            var status = await host.ExecAsync([AgentPackage.AgentCtlPath, "status", "--json"], cancellationToken: cancellationToken);
            if (status.Stdout.TrimStart().StartsWith('{'))
            {
                using var document = JsonDocument.Parse(status.Stdout);
                var problems = document.RootElement.GetProperty("problems").EnumerateArray()
                    .Select(p => $"{p.GetProperty("code").GetString()}: {p.GetProperty("message").GetString()}").ToList();
                last = (document.RootElement.GetProperty("state").GetString() ?? "?", problems);
                if (last.State == "ok")
                {
                    return last;
                }
            }

            // The lab's peers have no keepalive: pings over the tunnel make the handshakes "ok" wants (as the system tests'
            // StatusApiFixture does); Prometheus's scrapes keep the monitor's fresh afterwards.
            await RefreshHandshakesAsync(host, cancellationToken);
            if (attempt % 10 == 0)
            {
                log($"waiting for state ok: {last.State} {string.Join("; ", last.Problems)}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        if (last.State == "unreachable")
        {
            throw new InvalidOperationException($"agentctl status never answered within {ReadyTimeout.TotalSeconds} s");
        }

        log($"warning: state is still {last.State} after {ReadyTimeout.TotalSeconds} s; measuring anyway");
        return last;
    }

    /// <summary>
    /// Pings both peers over the tunnel. Only the monitor's handshake is kept fresh by Prometheus; the stranger's turns
    /// stale ("peer-stale-handshake", degraded) 3 minutes after the last, so this runs between the parts (never in a
    /// measured window): data after 2 minutes makes WireGuard shake hands again.
    /// </summary>
    public static async Task RefreshHandshakesAsync(BootedHost host, CancellationToken cancellationToken)
    {
        foreach (var peer in new[] { LabAddresses.Monitor, LabAddresses.Stranger })
        {
            await host.ExecAsync(["ping", "-c", "1", "-W", "1", peer.RequiredTunnelV4.ToString()], cancellationToken: cancellationToken);
        }
    }

    /// <summary>The host PID of wgagent.service's main process (the node has its own PID namespace).</summary>
    /// <exception cref="InvalidOperationException">Not found.</exception>
    public static async Task<int> DaemonHostPidAsync(BootedHost host, CancellationToken cancellationToken)
    {
        var show = (await host.ExecAsync(["systemctl", "show", "--property=MainPID", "--value", AgentPackage.DaemonUnit],
            cancellationToken: cancellationToken)).EnsureSuccess().Stdout.Trim();
        var inside = int.Parse(show, System.Globalization.CultureInfo.InvariantCulture);
        var pid = ProcStat.HostPidOf(host.LeaderPid!.Value, inside);
        return pid ?? throw new InvalidOperationException($"no host process is PID {inside} in {host.MachineName}'s PID namespace");
    }
}
