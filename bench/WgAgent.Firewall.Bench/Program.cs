using System.Diagnostics;
using BenchmarkDotNet.Running;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.WireGuard;

namespace WgAgent.Firewall.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/WgAgent.Firewall.Bench</c> runs the BenchmarkDotNet suite (extra arguments
/// go to BenchmarkDotNet, e.g. <c>--filter *Normalize*</c>). The inputs come from WGAGENT_BENCH_KILLSWITCH_INPUTS
/// (<c>bench/killswitch.sh</c> sets it). <c>-- --quick</c> prints plain Stopwatch medians without BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--quick"])
        {
            Quick("small");
            Quick("large");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static void Quick(string name)
    {
        var inputs = KillswitchInputs.Load(name);
        Console.WriteLine($"{name}: table {inputs.Table.Length} chars, listing {inputs.Listing.Length} chars");
        Time("read + check", () => ConfigCrossCheck.Check(AgentConfigReader.Read(inputs.ConfigBytes, inputs.ConfigPath).Config!,
            inputs.ConfigPath, WireGuardConfigReader.Read(inputs.TunnelText, inputs.TunnelPath).Config!));
        Time("build", () => KillswitchPolicyBuilder.Build(inputs.Config, inputs.Tunnel));
        Time("render", () => NftRuleset.RenderTable(inputs.Policy));
        Time("normalize", () => NftListing.Normalize(inputs.Listing));
    }

    private static void Time(string what, Func<object> action)
    {
        for (var i = 0; i < 10; i++)
        {
            action();
        }

        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"  {what,-14} median {times[times.Count / 2]:F3} ms, min {times[0]:F3} ms");
    }
}
