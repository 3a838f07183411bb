using System.Diagnostics;
using System.Security.Cryptography;

namespace WgAgent.Hosting.Systemd.Tests;

/// <summary>
/// The only test that touches the process-wide captured environment (<see cref="SystemdEnvironment.Current"/>):
/// every other test passes its environment explicitly, so the value captured here is this test's own.
/// The address is an abstract name nobody binds: nothing is ever sent to a real manager.
/// </summary>
public sealed class UnsetInheritedVariablesTests
{
    [Fact]
    public async Task UnsetInheritedVariables_ChildStarted_InheritsNoneButCurrentKeepsThem()
    {
        var address = $"@wgagent-test-unset-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", address);
        Environment.SetEnvironmentVariable("WATCHDOG_USEC", "5000000");
        Environment.SetEnvironmentVariable("WATCHDOG_PID", "1234");

        SystemdEnvironment.UnsetInheritedVariables();
        var childEnvironment = await RunEnvAsync();

        Assert.Equal(new SystemdEnvironment(address, 5_000_000, 1234), SystemdEnvironment.Current);
        Assert.Equal(address, new SystemdNotifier().SocketAddress);
        Assert.DoesNotContain(childEnvironment, line => line.StartsWith("NOTIFY_SOCKET=", StringComparison.Ordinal));
        Assert.DoesNotContain(childEnvironment, line => line.StartsWith("WATCHDOG_", StringComparison.Ordinal));
        Assert.Contains(childEnvironment, line => line.StartsWith("PATH=", StringComparison.Ordinal));
    }

    private static async Task<string[]> RunEnvAsync()
    {
        using var env = Process.Start(new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true })!;
        var output = await env.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await env.WaitForExitAsync(timeout.Token);
        return output.Split('\n');
    }
}
