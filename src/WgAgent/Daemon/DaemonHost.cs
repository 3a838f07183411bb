using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using WgAgent.Core.Config;
using WgAgent.Core.Tunnel;
using WgAgent.Exporters;
using WgAgent.Firewall;
using WgAgent.Hosting.Systemd;
using WgAgent.Ordering;
using WgAgent.Status;

namespace WgAgent.Daemon;

/// <summary>
/// <c>wgagent run</c>'s composition: the Generic Host with the systemd lifetime (READY=1 is ours to send, not the
/// host's), Serilog to the journal (or stderr outside systemd), the two services, and SIGHUP mapped to a reload.
/// </summary>
public static class DaemonHost
{
    /// <summary>Runs the daemon until SIGTERM (or Ctrl+C).</summary>
    /// <param name="options">Paths and intervals.</param>
    /// <param name="nftables">The nftables backend.</param>
    /// <param name="cancellationToken">Stops the daemon.</param>
    /// <returns>0 after a requested stop; 1 when the daemon failed (systemd's Restart=on-failure then restarts it).</returns>
    public static async Task<int> RunAsync(DaemonOptions options, INftables nftables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var underSystemd = SystemdHelpers.IsSystemdService();
        using var serilog = CreateLogger(underSystemd);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "wgagent",
            ContentRootPath = "/",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSystemd(systemd => systemd.NotifyReadyOnStarted = false);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(provider => new KillswitchEnforcer(options.ConfigPath, new LastGoodStore(options.StateDirectory), nftables,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("wgagent.killswitch")));
        var units = new UnitDirectory(options.UnitDirectory);
        var systemctl = new SystemctlProcess();
        builder.Services.AddSingleton(provider => new ExporterSupervisor(new ExporterBinder(units, new UnitChangeApplier(systemctl)),
            options.ProcNet, provider.GetRequiredService<ILoggerFactory>().CreateLogger("wgagent.exporters")));
        builder.Services.AddSingleton(provider => new OrderingSupervisor(new AfterTunnelBinder(units, systemctl),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("wgagent.ordering")));
        builder.Services.AddSingleton(new DaemonStatusBoard(new DaemonSnapshot
        {
            StartedAt = TimeProvider.System.GetUtcNow(),
            ConfigPath = options.ConfigPath,
            Tunnel = TunnelState.Unknown(AgentConfig.Default.WireGuard.Interface),
        }));
        builder.Services.AddSingleton(provider => new StatusSource(provider.GetRequiredService<DaemonStatusBoard>(),
            provider.GetRequiredService<KillswitchEnforcer>(), provider.GetRequiredService<ExporterSupervisor>(), nftables, systemctl));
        builder.Services.AddHostedService<StatusService>();
        builder.Services.AddSingleton<AgentService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<AgentService>());
        builder.Services.AddHostedService<KillswitchGuardService>();

        using var host = builder.Build();
        var agent = host.Services.GetRequiredService<AgentService>();
        // systemctl reload wgagent = ExecReload's SIGHUP; without this handler SIGHUP would end the process.
        using var reload = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            agent.RequestReload();
        });
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return agent.Failure is null ? 0 : 1;
    }

    private static Serilog.Core.Logger CreateLogger(bool underSystemd)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning);
        return underSystemd
            ? configuration.WriteTo.Journald().CreateLogger()
            : configuration.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose).CreateLogger();
    }
}
