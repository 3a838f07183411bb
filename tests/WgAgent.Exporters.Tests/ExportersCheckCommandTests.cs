using System.CommandLine;
using System.Net;

namespace WgAgent.Exporters.Tests;

/// <summary>
/// <c>wgagent exporters check</c> in-process: it only reads (the config files and the kernel's TCP tables), so it is
/// safe to run here. The "tunnel" address is 127.0.0.1 and the exporter's port is a loopback listener of the test.
/// </summary>
public sealed class ExportersCheckCommandTests : IDisposable
{
    private const string Key = "WlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlo=";
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("wgx-check-");

    [Fact]
    public void Check_ExporterOnTunnelAddressOnly_BoundExit0()
    {
        using var listener = ListenerCheckTests.Listen(IPAddress.Loopback);
        var config = WriteConfig(ListenerCheckTests.Port(listener));

        var (exit, output, _) = Invoke("exporters", "check", "--config", config);

        Assert.Equal(0, exit);
        Assert.Matches(@"^wgagent: exporters check: node \(prometheus-node-exporter\.service\) :\d+: bound: listening on 127\.0\.0\.1; expected 127\.0\.0\.1\n$", output);
    }

    [Fact]
    public void Check_ExporterAlsoOnAnotherAddress_ExposedExit1()
    {
        using var listener = ListenerCheckTests.Listen(IPAddress.Loopback);
        var port = ListenerCheckTests.Port(listener);
        using var other = ListenerCheckTests.Listen(IPAddress.Parse("127.0.0.3"), port);

        var (exit, output, _) = Invoke("exporters", "check", "--config", WriteConfig(port));

        Assert.Equal(1, exit);
        Assert.Contains("EXPOSED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BrokenConfig_DiagnosticsAndExit1()
    {
        var config = Path.Combine(dir.FullName, "wgagent.toml");
        File.WriteAllText(config, "[killswitch]\negress = \"sometimes\"\n");

        var (exit, _, error) = Invoke("exporters", "check", "--config", config);

        Assert.Equal(1, exit);
        Assert.Contains("killswitch.egress", error, StringComparison.Ordinal);
        Assert.Contains("the config has errors", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exporters", "bind", "--help")]
    [InlineData("exporters", "check", "--help")]
    [InlineData("cleanup", "--help")]
    public void Help_ExporterVerbs_DescribedWithoutTouchingAnything(params string[] args)
    {
        var (exit, output, _) = Invoke(args);

        Assert.Equal(0, exit);
        // In-process the usage line names the test host, not wgagent: check the verb path after it.
        Assert.Contains($" {string.Join(' ', args[..^1])} [options]", output, StringComparison.Ordinal);
    }

    public void Dispose() => dir.Delete(recursive: true);

    private string WriteConfig(int port)
    {
        var tunnel = Path.Combine(dir.FullName, "wg0.conf");
        File.WriteAllText(tunnel, $"[Interface]\nAddress = 127.0.0.1/32\nPrivateKey = {Key}\n");
        var config = Path.Combine(dir.FullName, "wgagent.toml");
        File.WriteAllText(config, $"""
            [wireguard]
            config = "{tunnel}"

            [[exporter]]
            name = "node"
            unit = "prometheus-node-exporter.service"
            port = {port}
            scrapers = ["10.77.0.1"]

            """);
        return config;
    }

    private static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = WgAgentCommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
