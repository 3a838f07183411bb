using System.Text;

namespace WgAgent.Toml.Bench;

/// <summary>The input files of the TOML benchmarks; bench/toml.sh passes the same files to Python's tomllib.</summary>
public static class BenchInputs
{
    /// <summary>The shipped default /etc/wgagent.toml (packaging/wgagent.toml), or WGAGENT_BENCH_DEFAULT_CONFIG.</summary>
    public static string DefaultConfigPath =>
        Environment.GetEnvironmentVariable("WGAGENT_BENCH_DEFAULT_CONFIG") ?? Path.Combine(RepositoryRoot(), "packaging", "wgagent.toml");

    /// <summary>The generated ~1 MB document: WGAGENT_BENCH_LARGE_DOCUMENT, or written to a temp file on first use.</summary>
    public static string LargeDocumentPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("WGAGENT_BENCH_LARGE_DOCUMENT");
            if (path is not null)
            {
                return path;
            }

            path = Path.Combine(Path.GetTempPath(), "wgagent-bench-large.toml");
            File.WriteAllText(path, BenchDocuments.Large(), new UTF8Encoding(false));
            return path;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Agent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("set WGAGENT_BENCH_DEFAULT_CONFIG: no Agent.sln above " + AppContext.BaseDirectory);
    }
}
