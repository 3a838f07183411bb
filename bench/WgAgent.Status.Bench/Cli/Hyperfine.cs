using System.Globalization;
using System.Text.Json;
using WgAgent.Lab.Nspawn;
using WgAgent.Status.Bench.Node;

namespace WgAgent.Status.Bench.Cli;

/// <summary>
/// Runs hyperfine inside the booted node (`hyperfine -N`: no shell, so neither command pays for one; every command in
/// the same invocation, one after the other) and reads its JSON export.
/// </summary>
internal static class Hyperfine
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="commands"/> (name, command line) with <paramref name="warmup"/> + <paramref name="runs"/>
    /// runs each. Failing exits are recorded, not fatal (-i): `agentctl status` exits 1 when degraded.</summary>
    /// <exception cref="InvalidOperationException">hyperfine itself failed.</exception>
    public static async Task<IReadOnlyList<HyperfineResult>> RunAsync(BootedHost host, string label, int warmup, int runs,
        IReadOnlyList<(string Name, string Command)> commands, string outputDirectory, CancellationToken cancellationToken)
    {
        var export = $"/root/hyperfine-{label}.json";
        List<string> argv =
        [
            NodeSetup.Hyperfine, "-N", "-i", "--style", "basic", "--warmup", Text(warmup), "--runs", Text(runs), "--export-json", export,
        ];
        foreach (var (_, command) in commands)
        {
            argv.Add(command);
        }

        var result = await host.ExecAsync(argv, Timeout, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, $"hyperfine-{label}.txt"), result.Stdout + result.Stderr, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"hyperfine ({label}): {result.Describe()}");
        }

        var json = (await host.ExecAsync(["cat", export], cancellationToken: cancellationToken)).EnsureSuccess().Stdout;
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, $"hyperfine-{label}.json"), json, CancellationToken.None);
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        return [.. rows.Select((row, i) => Parse(commands[i].Name, row))];
    }

    private static HyperfineResult Parse(string name, JsonElement row)
    {
        double Ms(string property) => row.GetProperty(property).GetDouble() * 1000;
        var exits = row.GetProperty("exit_codes").EnumerateArray()
            .GroupBy(e => e.ValueKind == JsonValueKind.Number ? e.GetInt32().ToString(CultureInfo.InvariantCulture) : "signal")
            .ToDictionary(g => g.Key, g => g.Count());
        return new HyperfineResult(name, row.GetProperty("command").GetString() ?? "", Ms("mean"), Ms("stddev"), Ms("median"), Ms("min"), Ms("max"),
            Ms("user"), Ms("system"), [.. row.GetProperty("times").EnumerateArray().Select(t => t.GetDouble() * 1000)], exits);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
