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
/// the scrapers in over wg0). The metrics listeners follow the exporters' addresses.
/// </summary>
public sealed class StatusService : BackgroundService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(2);

    private readonly StatusSource source;
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

    private async ValueTask<HttpResponse> StatusAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var document = StatusComposer.Compose(await source.ReadAsync(cancellationToken).ConfigureAwait(false));
        return HttpResponse.Json(200, StatusJson.SerializeToUtf8(document));
    }

    private async ValueTask<HttpResponse> KillswitchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var document = StatusComposer.ComposeKillswitch(await source.ReadAsync(cancellationToken).ConfigureAwait(false));
        return HttpResponse.Json(200, StatusJson.SerializeToUtf8(document));
    }

    private async ValueTask<HttpResponse> ReloadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        logger.LogInformation("status: reload requested over the API by uid {Uid}", request.Peer?.UserId);
        await agent.ReloadAndWaitAsync(cancellationToken).ConfigureAwait(false);
        source.Invalidate();
        return await StatusAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<HttpResponse> MetricsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var document = StatusComposer.Compose(await source.ReadAsync(cancellationToken).ConfigureAwait(false));
        return HttpResponse.Text(200, MetricsText.Render(document), MetricsText.ContentType);
    }

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
