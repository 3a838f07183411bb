using Microsoft.Extensions.Logging;
using WgAgent.Core.Config;
using WgAgent.Exporters;
using WgAgent.Ordering;

namespace WgAgent.Daemon;

/// <summary>
/// Writes the <c>[ordering] after_tunnel</c> drop-ins for the config in force (start and reload). They only order the
/// listed units' next start after wgagent's READY: nothing is started, stopped or restarted here.
/// </summary>
public sealed class OrderingSupervisor
{
    private readonly AfterTunnelBinder binder;
    private readonly ILogger logger;

    /// <summary>Creates the supervisor.</summary>
    /// <param name="binder">Writes the drop-ins.</param>
    /// <param name="logger">The journal.</param>
    public OrderingSupervisor(AfterTunnelBinder binder, ILogger logger)
    {
        this.binder = binder;
        this.logger = logger;
    }

    /// <summary>Makes the unit directory hold exactly the drop-ins <paramref name="config"/> asks for.</summary>
    /// <param name="config">The config in force.</param>
    /// <param name="cancellationToken">Abandons systemctl.</param>
    /// <returns>The problems met (also logged); empty when the drop-ins are in place.</returns>
    public async Task<IReadOnlyList<string>> BindAsync(AgentConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            var result = await binder.BindAsync(config.Ordering.AfterTunnel, cancellationToken).ConfigureAwait(false);
            foreach (var change in result.Changes)
            {
                logger.LogInformation("ordering: {Change}", change.ToString());
            }

            var problems = result.Conflicts.Select(c => $"{c.Message} ({c.Hint})").ToList();
            foreach (var problem in problems)
            {
                logger.LogError("ordering: {Problem}", problem);
            }

            return problems;
        }
        catch (Exception e) when (e is SystemctlException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("ordering: writing the after_tunnel drop-ins failed: {Problem}", e.Message);
            return [$"writing the after_tunnel drop-ins failed: {e.Message}"];
        }
    }
}
