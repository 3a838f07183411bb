using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WgAgent.Core.Config;
using WgAgent.Core.Exporters;
using WgAgent.Core.Status;
using WgAgent.Daemon;
using WgAgent.Status.Http;

namespace WgAgent.Status;

/// <summary>
/// Serves the status API on the Unix socket (<c>[status] socket</c>, 0660 root:<c>[status] group</c>) and the metrics on the
/// WireGuard addresses (<c>[metrics] port</c>; FreeBind, so they listen before the address exists; the kill switch lets only
/// the scrapers in over wg0). The metrics listeners follow the exporters' addresses. Every answer comes from the last read
/// of the status (<see cref="StatusSource"/>), composed and serialized once (<see cref="StatusAnswers"/>) and refreshed in
/// the background (<see cref="RefreshingCache{T}"/>): a request never waits for the kernel or PID 1 while someone asked
/// within the last second.
/// </summary>
public sealed class StatusService : BackgroundService
{
    /// <summary>How long the answers of one read are served before a request starts the next read.</summary>
    public static readonly TimeSpan AnswerFreshFor = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Answers this old are no longer served while the next read runs: a request after a quiet second waits for a fresh
    /// read. Under steady requests a read (~20 ms) ends long before, so an answer is at most 0.5 s + one read old.
    /// </summary>
    public static readonly TimeSpan AnswerStaleLimit = TimeSpan.FromSeconds(1);

    private const string ReadFailedHint = "see the agent's log: journalctl -u wgagent";
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(2);

    private readonly StatusSource source;
    private readonly RefreshingCache<StatusAnswers> answers;
    private readonly AgentService agent;
    private readonly DaemonStatusBoard board;
    private readonly ILogger logger;
    private readonly List<HttpServer> metrics = [];
    private HttpServer? api;
    private IReadOnlyList<IPEndPoint> metricsEndpoints = [];

    /// <summary>Creates the service.</summary>
    public StatusService(StatusSource source, AgentService agent, DaemonStatusBoard board, ILogger<StatusService> logger)
    {
        this.source = source;
        this.agent = agent;
        this.board = board;
        this.logger = logger;
        answers = new RefreshingCache<StatusAnswers>(ReadAnswers, TimeProvider.System, AnswerFreshFor, AnswerStaleLimit, "status refresh");
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        answers.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (api is not null)
        {
            await api.StopAsync(DrainTimeout).ConfigureAwait(false);
        }

        await StopMetricsAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // The socket's path and group come from the config the daemon loaded; its kill switch step comes first.
        await agent.KillswitchSettled.WaitAsync(stoppingToken).ConfigureAwait(false);
        var settings = board.Current.Killswitch.Config?.Status ?? AgentConfig.Default.Status;
        var routes = new HttpRoutes()
            .MapGet("/v1/status", StatusAsync)
            .MapGet("/v1/killswitch", KillswitchAsync)
            .MapPost("/v1/reload", ReloadAsync);
        api = new HttpServer(new UnixDomainSocketEndPoint(settings.Socket), routes, new HttpServerOptions { SocketGroup = settings.Group }, logger);
        try
        {
            await api.StartAsync(stoppingToken).ConfigureAwait(false);
            logger.LogInformation("status: serving {Socket} (0660 root:{Group})", settings.Socket, settings.Group);
        }
        catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The daemon's other duties go on; status says so through the journal and `agentctl status` (unreachable).
            logger.LogError("status: cannot serve {Socket}: {Problem}", settings.Socket, e.Message);
            api = null;
        }

        try
        {
            using var timer = new PeriodicTimer(FollowInterval);
            do
            {
                await FollowMetricsAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async ValueTask<HttpResponse> StatusAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Answer(await answers.GetAsync(cancellationToken).ConfigureAwait(false), a => a.Status);

    private async ValueTask<HttpResponse> KillswitchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Answer(await answers.GetAsync(cancellationToken).ConfigureAwait(false), a => a.Killswitch);

    private async ValueTask<HttpResponse> MetricsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Answer(await answers.GetAsync(cancellationToken).ConfigureAwait(false), a => a.Metrics);

    private async ValueTask<HttpResponse> ReloadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        logger.LogInformation("status: reload requested over the API by uid {Uid}", request.Peer?.UserId);
        await agent.ReloadAndWaitAsync(cancellationToken).ConfigureAwait(false);
        // A read that starts after the reload, which every later request waits for too: none sees the state before it.
        return Answer(await answers.ReadAgainAsync(cancellationToken).ConfigureAwait(false), a => a.Status);
    }

    // The background refreshes keep normal priority. A nice-19 refresh thread was tried (bench/status.sh) and dropped: the
    // refresh shares the nftables and systemd paths with the kill-switch loop, and on a CPU-saturated host a starved
    // low-priority holder would delay the loop's verify and repair (priority inversion) — for a p99 gain within noise.
    // On the cache's own threads: the read blocks, and composing takes a fraction of a millisecond, off the request path.
    private StatusAnswers ReadAnswers(CancellationToken cancellationToken)
    {
        try
        {
            return StatusAnswers.Compose(source.Read(cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Logged once per read; every request served from it answers 500 with the message.
            logger.LogError(e, "status: reading the status failed");
            throw;
        }
    }

    private static HttpResponse Answer(CachedRead<StatusAnswers> read, Func<StatusAnswers, HttpResponse> pick) =>
        read.Value is { } value
            ? pick(value)
            : HttpResponse.Error(500, $"reading the status failed: {read.Error!.Message}", ReadFailedHint);

    /// <summary>Listens on the exporters' addresses at the configured port; moves when they move.</summary>
    private async Task FollowMetricsAsync(CancellationToken cancellationToken)
    {
        var snapshot = board.Current;
        var port = snapshot.Killswitch.Config?.Metrics is { Enabled: true } m ? m.Port : 0;
        var addresses = port == 0
            ? []
            : ExporterBindingPlanner.ListenAddresses(snapshot.Exporters?.Addresses
                ?? ExporterAddressChoice.Choose(snapshot.Tunnel, snapshot.Killswitch.TunnelAddresses));
        var wanted = addresses.Select(a => new IPEndPoint(a, port)).ToList();
        if (wanted.SequenceEqual(metricsEndpoints))
        {
            return;
        }

        await StopMetricsAsync().ConfigureAwait(false);
        metricsEndpoints = wanted;
        var routes = new HttpRoutes().MapGet("/metrics", MetricsAsync);
        foreach (var endpoint in wanted)
        {
            var server = new HttpServer(endpoint, routes, new HttpServerOptions { FreeBind = true }, logger);
            try
            {
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
                metrics.Add(server);
                logger.LogInformation("metrics: serving http://{Endpoint}/metrics", endpoint.ToString());
            }
            catch (Exception e) when (e is SocketException or IOException or InvalidOperationException)
            {
                logger.LogError("metrics: cannot listen on {Endpoint}: {Problem}", endpoint.ToString(), e.Message);
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task StopMetricsAsync()
    {
        foreach (var server in metrics)
        {
            await server.StopAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        metrics.Clear();
    }
}
