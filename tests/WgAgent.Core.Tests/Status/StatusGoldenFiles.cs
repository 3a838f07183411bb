namespace WgAgent.Core.Tests.Status;

/// <summary>
/// The committed status views, JSON and metrics, read from (and with WGAGENT_UPDATE_GOLDEN=1 written to) the source
/// tree, so every change to what `agentctl status`, the API or /metrics print shows up in review as a diff.
/// </summary>
internal static class StatusGoldenFiles
{
    public const string UpdateVariable = "WGAGENT_UPDATE_GOLDEN";

    public static string Directory { get; } = Path.Combine(RepositoryFiles.Root, "tests", "WgAgent.Core.Tests", "Status", "Golden");

    /// <summary>Asserts <paramref name="actual"/> equals Golden/<paramref name="name"/>, or rewrites it when updating.</summary>
    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with {UpdateVariable}=1 to create it, then review and commit it");
        var expected = File.ReadAllText(path);
        Assert.True(string.Equals(expected, actual, StringComparison.Ordinal),
            $"{path} differs from the generated text.\n--- golden\n{expected}\n--- generated\n{actual}\n"
            + $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.");
    }
}
