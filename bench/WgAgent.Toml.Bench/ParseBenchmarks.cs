using System.Text;
using BenchmarkDotNet.Attributes;

namespace WgAgent.Toml.Bench;

/// <summary>Parsing from UTF-8 bytes (what a host does after reading the file) to the full model.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _small = [];
    private byte[] _large = [];

    [GlobalSetup]
    public void Setup()
    {
        // The shipped default config (what every host parses at start) and the generated ~1 MB document, read from
        // the files bench/toml.sh also hands to Python's tomllib, so both parse the very same bytes.
        _small = File.ReadAllBytes(BenchInputs.DefaultConfigPath);
        _large = File.ReadAllBytes(BenchInputs.LargeDocumentPath);
    }

    [Benchmark(Description = "default wgagent.toml")]
    public TomlTable DefaultConfig() => TomlParser.ToModel(_small, "wgagent.toml");

    [Benchmark(Description = "generated ~1 MB document")]
    public TomlTable LargeDocument() => TomlParser.ToModel(_large, "large.toml");
}
