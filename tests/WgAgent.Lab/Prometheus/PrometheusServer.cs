using System.Net;
using System.Net.Sockets;
using System.Text;
using WgAgent.Lab.Hosts;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Prometheus;

/// <summary>
/// Debian's real Prometheus running inside monitor, scraping the node over WireGuard: node_exporter (job
/// <see cref="NodeJob"/>) and wgagent's own metrics (job <see cref="AgentJob"/>). Its HTTP API
/// listens on 127.0.0.1 inside monitor and is queried with sockets created in monitor's namespace.
/// </summary>
public sealed partial class PrometheusServer : IDisposable
{
    /// <summary>The job name of the node's node_exporter target.</summary>
    public const string NodeJob = "node";

    /// <summary>
    /// The job name of wgagent's own metrics on the node (<c>[metrics] port</c>). Only a node running the daemon answers
    /// it: in a level-1 lab and before the daemon starts, this target is down, which no lab test may read as a failure.
    /// </summary>
    public const string AgentJob = "wgagent";

    private static readonly IPEndPoint Listen = new(IPAddress.Loopback, Addressing.LabPorts.Prometheus);
    private readonly HttpClient _http;

    private PrometheusServer(LabHost host, LabProcess process, string configPath)
    {
        Host = host;
        Process = process;
        ConfigPath = configPath;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            // The API exists only inside monitor's namespace: connect from there.
            ConnectCallback = async (context, token) =>
            {
                var socket = host.CreateSocket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(Listen, token).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The host Prometheus runs in (monitor).</summary>
    public LabHost Host { get; }

    /// <summary>The Prometheus process.</summary>
    public LabProcess Process { get; }

    /// <summary>The prometheus.yml it was started with (in the run directory).</summary>
    public string ConfigPath { get; }

    /// <summary>host:port of job <see cref="AgentJob"/>: wgagent's metrics port on the node's tunnel address.</summary>
    public static string AgentTarget { get; } =
        new IPEndPoint(Addressing.LabAddresses.Node.RequiredTunnelV4, Addressing.LabPorts.AgentMetrics).ToString();

    /// <summary>The API base URL as seen from inside monitor (e.g. for curl run there).</summary>
    public static Uri BaseUrl { get; } = new($"http://{Listen}/");

    /// <summary>Writes the config and starts Prometheus in <paramref name="host"/>.</summary>
    /// <param name="host">Where to run (monitor).</param>
    /// <param name="directory">A fresh directory for config and TSDB (removed with the run).</param>
    /// <param name="nodeTarget">host:port of the node's exporter over the tunnel.</param>
    /// <param name="scrapeInterval">Scrape interval (the lab uses 1 s so tests wait little).</param>
    internal static PrometheusServer Start(LabHost host, string directory, string nodeTarget, TimeSpan scrapeInterval)
    {
        Directory.CreateDirectory(directory);
        var configPath = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(configPath, RenderConfig(nodeTarget, scrapeInterval, AgentTarget));
        var process = host.Start("prometheus",
        [
            "prometheus",
            $"--config.file={configPath}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address={Listen}",
            "--log.level=warn",
        ]);
        return new PrometheusServer(host, process, configPath);
    }

    /// <summary>
    /// The prometheus.yml text: job <see cref="NodeJob"/> scraping <paramref name="nodeTarget"/> over the tunnel and,
    /// when <paramref name="agentTarget"/> is given, job <see cref="AgentJob"/> scraping it.
    /// </summary>
    public static string RenderConfig(string nodeTarget, TimeSpan scrapeInterval, string? agentTarget = null)
    {
        var interval = $"{(int)Math.Max(1, scrapeInterval.TotalMilliseconds)}ms";
        var text = new StringBuilder()
            .Append("# One lab run's Prometheus: scrape the node's node_exporter (and wgagent's metrics) over WireGuard.\n")
            .Append("global:\n")
            .Append("  scrape_interval: ").Append(interval).Append('\n')
            .Append("  scrape_timeout: ").Append(interval).Append('\n')
            .Append("  evaluation_interval: ").Append(interval).Append('\n')
            .Append("scrape_configs:\n")
            .Append("  - job_name: ").Append(NodeJob).Append('\n')
            .Append("    static_configs:\n")
            .Append("      - targets: ['").Append(nodeTarget).Append("']\n");
        if (agentTarget is not null)
        {
            text.Append("  - job_name: ").Append(AgentJob).Append('\n')
                .Append("    static_configs:\n")
                .Append("      - targets: ['").Append(agentTarget).Append("']\n");
        }

        return text.ToString();
    }

    /// <summary>Waits until /-/ready answers 200 (bounded); throws with Prometheus's output otherwise.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            Process.EnsureRunning();
            try
            {
                using var response = await _http.GetAsync("-/ready", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new LabException($"Prometheus in {Host.Name} not ready within {timeout.TotalSeconds} s ({last}): {Process.RecentOutput}");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
