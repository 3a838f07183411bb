using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Running;

namespace WgAgent.Toml.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/WgAgent.Toml.Bench</c> runs the BenchmarkDotNet suite (extra
/// arguments go to BenchmarkDotNet, e.g. <c>--filter *Large*</c>).
/// <c>-- --write-document PATH</c> writes the generated ~1 MB document, so another parser (Python's
/// tomllib: <c>bench/WgAgent.Toml.Bench/tomllib_bench.py PATH</c>) can be timed on the same bytes;
/// <c>-- --quick</c> prints a plain Stopwatch timing without BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--write-document", var path])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, BenchDocuments.Large(), new UTF8Encoding(false));
            Console.WriteLine($"wrote {new FileInfo(path).Length} bytes to {path}");
            return 0;
        }

        if (args is ["--quick"])
        {
            Quick();
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static void Quick()
    {
        var large = Encoding.UTF8.GetBytes(BenchDocuments.Large());
        for (var i = 0; i < 20; i++)
        {
            TomlParser.ToModel(large);
        }

        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            TomlParser.ToModel(large);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{large.Length} bytes: median {times[times.Count / 2]:F2} ms, min {times[0]:F2} ms");
    }
}
