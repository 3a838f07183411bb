using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WgAgent.Hosting.Systemd;

// systemd-probe: a host that sends READY=1 itself (ready-on-start off, as wgagent does), with a STATUS=
// line that tells the test what the process saw, and says on stdout when it stopped gracefully.
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
builder.Services.AddSystemd(options => options.NotifyReadyOnStarted = false);
builder.Services.AddHostedService<ProbeService>();
await builder.Build().RunAsync();
Console.WriteLine("systemd-probe: exited gracefully");
return 0;

/// <summary>Becomes ready a little after start, then idles until the host stops.</summary>
internal sealed class ProbeService(ISystemdNotifier notifier) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Readiness comes from the service, later than the host's start: systemctl start must wait for it.
        await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
        var inherited = Environment.GetEnvironmentVariable("NOTIFY_SOCKET") ?? "unset";
        notifier.Notify(ServiceState.Combine(
            ServiceState.Ready,
            ServiceState.Status($"probe ready; service={SystemdHelpers.IsSystemdService()}; children get NOTIFY_SOCKET={inherited}")));
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        Console.WriteLine("systemd-probe: stopping");
    }
}
