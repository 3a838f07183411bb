using System.Globalization;

namespace WgAgent.Status.Bench.Node;

/// <summary>This machine, for the report's "machine" line.</summary>
internal static class MachineInfo
{
    /// <summary>CPU model, cores, memory, kernel, OS.</summary>
    public static Dictionary<string, string> Read()
    {
        var cpuinfo = File.ReadAllLines("/proc/cpuinfo");
        var meminfo = File.ReadAllLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memKb = long.Parse(meminfo.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var os = File.Exists("/etc/os-release")
            ? File.ReadAllLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"') ?? "?"
            : "?";
        return new Dictionary<string, string>
        {
            ["cpu"] = cpuinfo.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?",
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["memory"] = string.Create(CultureInfo.InvariantCulture, $"{memKb / 1024.0 / 1024.0:0.0} GiB"),
            ["kernel"] = File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
            ["os"] = os,
        };
    }
}
