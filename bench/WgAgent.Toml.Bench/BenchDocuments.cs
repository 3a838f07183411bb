using System.Globalization;
using System.Text;

namespace WgAgent.Toml.Bench;

/// <summary>The documents the benchmarks parse: a realistic small config and a generated large one.</summary>
public static class BenchDocuments
{
    /// <summary>
    /// A document of at least <paramref name="minBytes"/> bytes mixing every TOML feature in the proportions
    /// of real configuration files: header tables, arrays of tables, strings of every kind, numbers,
    /// date-times, arrays and inline tables, and comments. Deterministic, so runs compare.
    /// </summary>
    public static string Large(int minBytes = 1 << 20)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(minBytes + 4096);
        sb.Append("# generated benchmark document\ntitle = \"TOML benchmark\"\n\n");
        for (var i = 0; sb.Length < minBytes; i++)
        {
            sb.Append(inv, $"[service_{i}]\n");
            sb.Append(inv, $"name = \"service number {i}\"   # a comment\n");
            sb.Append(inv, $"description = 'literal string with \\backslashes\\ {i}'\n");
            sb.Append(inv, $"path = \"C:\\\\Program Files\\\\svc{i}\\\\bin\\tend\\u00e9\"\n");
            sb.Append(inv, $"port = {9000 + (i % 1000)}\n");
            sb.Append(inv, $"mask = 0x{i:X8}\n");
            sb.Append("big = ").Append(((long)i * 1_000_003L).ToString("N0", inv).Replace(",", "_", StringComparison.Ordinal)).Append('\n');
            sb.Append(inv, $"ratio = {(i + 0.5) / 7.0:R}\n");
            sb.Append(inv, $"enabled = {(i % 2 == 0 ? "true" : "false")}\n");
            sb.Append(inv, $"created = 1979-05-{1 + (i % 28):D2}T07:32:{i % 60:D2}.{i % 1000:D3}-07:00\n");
            sb.Append(inv, $"tags = [\"alpha\", \"beta\", \"gamma-{i}\", 'delta']\n");
            sb.Append(inv, $"matrix = [[1, 2, 3], [4.5, 5.5], [\"x\", {{ k = {i} }}]]\n");
            sb.Append(inv, $"limits = {{ cpu = {i % 16}, memory = \"{i % 64}G\", burst.max = {i * 2} }}\n");
            sb.Append("motd = \"\"\"\nWelcome to the service.\\\n   Line continues here.\nSecond line with \"quotes\".\"\"\"\n");
            sb.Append(inv, $"[service_{i}.network]\naddress = \"10.{i % 256}.{i / 256 % 256}.1/24\"\ngateway.ip = \"10.0.0.1\"\ngateway.metric = {i % 100}\n");
            sb.Append(inv, $"[[service_{i}.peers]]\nkey = \"peer-{i}-a\"\nallowed = [\"10.0.0.0/8\", \"fd00::/8\"]\n");
            sb.Append(inv, $"[[service_{i}.peers]]\nkey = \"peer-{i}-b\"\nkeepalive = 25\n\n");
        }

        return sb.ToString();
    }
}
