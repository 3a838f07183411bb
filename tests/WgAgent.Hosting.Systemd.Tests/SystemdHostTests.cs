using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WgAgent.Hosting.Systemd.Tests;

/// <summary>A real generic host with AddSystemd, talking to a real datagram socket.</summary>
public sealed class SystemdHostTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task StartStop_Defaults_ReadyThenStopping()
    {
        using var receiver = NotifyReceiver.AtPath();
        using var host = Build(new SystemdOptions(), new SystemdEnvironment(receiver.NotifySocket, null, null));

        await host.StartAsync();
        var afterStart = await receiver.ReceiveAsync(Wait);
        await host.StopAsync();
        var afterStop = await receiver.ReceiveAsync(Wait);

        Assert.IsType<SystemdLifetime>(host.Services.GetRequiredService<IHostLifetime>());
        Assert.Equal("READY=1", afterStart);
        Assert.Equal("STOPPING=1", afterStop);
    }

    [Fact]
    public async Task Start_ReadyOnStartedOff_NothingUntilTheAppSaysSo()
    {
        using var receiver = NotifyReceiver.Abstract();
        using var host = Build(new SystemdOptions { NotifyReadyOnStarted = false }, new SystemdEnvironment(receiver.NotifySocket, null, null));

        await host.StartAsync();
        var afterStart = await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(300));
        host.Services.GetRequiredService<ISystemdNotifier>().Notify(ServiceState.Combine(ServiceState.Ready, ServiceState.Status("ok")));
        var fromApp = await receiver.ReceiveAsync(Wait);
        await host.StopAsync();

        Assert.Null(afterStart);
        Assert.Equal("READY=1\nSTATUS=ok", fromApp);
        Assert.Equal("STOPPING=1", await receiver.ReceiveAsync(Wait));
    }

    [Fact]
    public async Task Start_WatchdogUsecForUs_KeepAlivesBesideReady()
    {
        using var receiver = NotifyReceiver.AtPath();
        using var host = Build(new SystemdOptions(), new SystemdEnvironment(receiver.NotifySocket, 100_000, Environment.ProcessId));

        await host.StartAsync();
        var received = new List<string>();
        for (var i = 0; i < 4 && await receiver.ReceiveAsync(Wait) is { } text; i++)
        {
            received.Add(text);
        }

        await host.StopAsync();

        Assert.Contains("READY=1", received);
        Assert.True(received.Count(t => t == "WATCHDOG=1") >= 3, string.Join(", ", received));
    }

    [Theory]
    [InlineData(false, 99)] // watchdog meant for another process (WATCHDOG_PID)
    [InlineData(true, 42)] // watchdog turned off in the options
    public void AddSystemd_WatchdogNotForUs_NoWatchdogService(bool watchdogOff, int watchdogPid)
    {
        var services = new ServiceCollection();

        SystemdHostBuilderExtensions.AddSystemd(
            services, new SystemdOptions { Watchdog = !watchdogOff }, new SystemdEnvironment("@x", 100_000, watchdogPid), false, processId: 42);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public void AddSystemd_NotUnderSystemd_DisabledNotifierAndDefaultLifetime()
    {
        using var host = Build(new SystemdOptions(), new SystemdEnvironment(null, 100_000, null), isSystemdService: false);

        Assert.False(host.Services.GetRequiredService<ISystemdNotifier>().IsEnabled);
        Assert.IsNotType<SystemdLifetime>(host.Services.GetRequiredService<IHostLifetime>());
        Assert.Empty(host.Services.GetServices<IHostedService>().OfType<SystemdWatchdogService>());
    }

    [Fact]
    public void AddSystemd_ServiceWithoutNotifySocket_SystemdLifetimeDisabledNotifier()
    {
        using var host = Build(new SystemdOptions(), new SystemdEnvironment(null, null, null), isSystemdService: true);

        Assert.IsType<SystemdLifetime>(host.Services.GetRequiredService<IHostLifetime>());
        Assert.False(host.Services.GetRequiredService<ISystemdNotifier>().IsEnabled);
    }

    private static IHost Build(SystemdOptions options, SystemdEnvironment environment, bool isSystemdService = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        SystemdHostBuilderExtensions.AddSystemd(builder.Services, options, environment, isSystemdService, Environment.ProcessId);
        return builder.Build();
    }
}
