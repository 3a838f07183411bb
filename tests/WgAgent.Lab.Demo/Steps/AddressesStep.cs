using WgAgent.Lab.Addressing;
using WgAgent.Lab.Hosts;

namespace WgAgent.Lab.Demo.Steps;

/// <summary>Who is who: each host's role and its real interfaces and addresses.</summary>
public sealed class AddressesStep : DemoStep
{
    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["router"] = $"joins the LAN ({LabAddresses.LanV4}) and the WAN ({LabAddresses.WanV4}) and routes {LabAddresses.FarV4} to inet",
        ["node"] = "the host under test: LAN address, wg0 towards monitor and stranger, node_exporter on wg0 only",
        ["monitor"] = "the Prometheus server, a WireGuard peer of node; scrapes node over the tunnel",
        ["inet"] = $"stands in for the internet: echo on TCP/UDP {string.Join(", ", LabPorts.InetEchoPorts)} at {LabAddresses.InetAll.Count} addresses, answers ping",
        ["lan"] = "another host on node's LAN",
        ["stranger"] = "a WireGuard peer of node that is not a scraper",
    };

    /// <inheritdoc />
    public override string Title => "The hosts and their addresses (each one is a network namespace)";

    /// <inheritdoc />
    public override async Task RunAsync(DemoContext context)
    {
        var node = context.Lab.Node;
        context.Narrator.Say("Each `host#` command below really runs inside that host, as");
        context.Narrator.Say($"`nsenter -t <anchor pid> -n -m -- COMMAND` (node's anchor is pid {node.AnchorPid}).");
        foreach (var host in context.Lab.Hosts)
        {
            context.Narrator.Blank();
            context.Narrator.Say($"{host.Name} ({host.NamespaceName}): {Roles.GetValueOrDefault(host.Name, "")}");
            var result = await context.ShowAsync(host, "ip", "-br", "address", "show").ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new DemoStepFailedException($"cannot list {host.Name}'s addresses: {result.Describe()}");
            }

            ExpectAddress(host, result.Stdout);
        }
    }

    private static void ExpectAddress(LabHost host, string text)
    {
        var expected = host.Addresses.V4.ToString();
        if (!text.Contains(expected + "/", StringComparison.Ordinal))
        {
            throw new DemoStepFailedException($"{host.Name} does not have its address {expected}");
        }
    }
}
