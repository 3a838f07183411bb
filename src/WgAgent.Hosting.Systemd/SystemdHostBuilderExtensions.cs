using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WgAgent.Hosting.Systemd;

/// <summary>Sets a host up as a systemd service (UseSystemd/AddSystemd, as in Microsoft.Extensions.Hosting.Systemd).</summary>
public static class SystemdHostBuilderExtensions
{
    /// <summary>See <see cref="AddSystemd(IServiceCollection, Action{SystemdOptions}?)"/>.</summary>
    /// <param name="hostBuilder">The host builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHostBuilder UseSystemd(this IHostBuilder hostBuilder) => UseSystemd(hostBuilder, null);

    /// <summary>See <see cref="AddSystemd(IServiceCollection, Action{SystemdOptions}?)"/>.</summary>
    /// <param name="hostBuilder">The host builder.</param>
    /// <param name="configure">Adjusts the options; null for the defaults.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHostBuilder UseSystemd(this IHostBuilder hostBuilder, Action<SystemdOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(hostBuilder);
        return hostBuilder.ConfigureServices((_, services) => services.AddSystemd(configure));
    }

    /// <summary>See <see cref="AddSystemd(IServiceCollection, Action{SystemdOptions}?)"/>.</summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddSystemd(this IServiceCollection services) => AddSystemd(services, null);

    /// <summary>
    /// Always registers <see cref="ISystemdNotifier"/> (disabled outside systemd, so callers need no
    /// check). When the process runs as a systemd service or NOTIFY_SOCKET is set, also makes
    /// <see cref="SystemdLifetime"/> the host lifetime and, when the manager asks for keep-alives,
    /// adds <see cref="SystemdWatchdogService"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Adjusts the options; null for the defaults.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddSystemd(this IServiceCollection services, Action<SystemdOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SystemdOptions();
        configure?.Invoke(options);
        var environment = SystemdEnvironment.Current;
        if (options.UnsetEnvironment)
        {
            SystemdEnvironment.UnsetInheritedVariables();
        }

        return AddSystemd(services, options, environment, SystemdHelpers.IsSystemdService(), Environment.ProcessId);
    }

    /// <summary>The registration itself, with the environment and the service check given (tests).</summary>
    internal static IServiceCollection AddSystemd(
        IServiceCollection services, SystemdOptions options, SystemdEnvironment environment, bool isSystemdService, int processId)
    {
        services.TryAddSingleton<ISystemdNotifier>(provider => new SystemdNotifier(
            environment.NotifySocket, provider.GetService<ILoggerFactory>()?.CreateLogger<SystemdNotifier>()));
        if (!isSystemdService && environment.NotifySocket is null)
        {
            return services;
        }

        services.AddSingleton<IHostLifetime>(provider => new SystemdLifetime(
            provider.GetRequiredService<IHostEnvironment>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ISystemdNotifier>(),
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            options));

        if (options.Watchdog && environment.GetWatchdogInterval(processId) is { } interval)
        {
            services.AddHostedService(provider => new SystemdWatchdogService(
                provider.GetRequiredService<ISystemdNotifier>(),
                interval,
                provider.GetService<ILogger<SystemdWatchdogService>>() ?? NullLogger<SystemdWatchdogService>.Instance));
        }

        return services;
    }
}
