using WgAgent.Toml.Tests.Support;

namespace WgAgent.Toml.Tests.Conformance;

/// <summary>
/// The toml-test corpus: ../shared/toml-test beside the repository (where CI clones it), or
/// $WGAGENT_TOML_TEST_DIR. The TOML 1.0.0 cases are those listed in tests/files-toml-1.0.0 (the corpus's
/// ENCODING.md says to use that list rather than globbing, because the tree also holds TOML 1.1 cases).
/// </summary>
internal static class TomlTestCorpus
{
    public const string EnvironmentVariable = "WGAGENT_TOML_TEST_DIR";

    /// <summary>The case name used when the corpus is missing, so the theory fails instead of running nothing.</summary>
    public const string MissingCase = "(corpus missing)";

    public static string Directory { get; } =
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "toml-test"));

    public static string TestsDirectory => Path.Combine(Directory, "tests");

    public static string ListFile => Path.Combine(TestsDirectory, "files-toml-1.0.0");

    public static bool Exists => File.Exists(ListFile);

    public static string MissingMessage =>
        $"the toml-test corpus is missing: no {ListFile}. Clone it to ../shared/toml-test beside the repository "
        + $"or set {EnvironmentVariable} to its directory.";

    /// <summary>Case names without extension, e.g. <c>valid/array/array</c> and <c>invalid/key/empty</c>.</summary>
    public static IReadOnlyList<string> Cases(string kind) =>
        !Exists
            ? []
            : File.ReadLines(ListFile)
                .Select(line => line.Trim())
                .Where(line => line.StartsWith(kind + "/", StringComparison.Ordinal) && line.EndsWith(".toml", StringComparison.Ordinal))
                .Select(line => line[..^".toml".Length])
                .ToList();

    public static byte[] ReadToml(string name) => File.ReadAllBytes(Path.Combine(TestsDirectory, name + ".toml"));

    public static string ReadExpectedJson(string name) => File.ReadAllText(Path.Combine(TestsDirectory, name + ".json"));

    /// <summary>Theory data: every case of a kind, or the one "missing" case that fails with a clear message.</summary>
    public static TheoryData<string> TheoryData(string kind)
    {
        var data = new TheoryData<string>();
        var cases = Cases(kind);
        if (cases.Count == 0)
        {
            data.Add(MissingCase);
        }

        foreach (var name in cases)
        {
            data.Add(name);
        }

        return data;
    }
}
