namespace WgAgent.Core.Tests;

/// <summary>
/// A folder of committed golden files, read from (and with WGAGENT_UPDATE_GOLDEN=1 written to) the source tree, so every
/// change to what wgagent generates shows up in review as a diff.
/// </summary>
/// <param name="area">The test folder holding a Golden/ folder, e.g. <c>Exporters</c>.</param>
internal sealed class GoldenFolder(string area)
{
    public const string UpdateVariable = "WGAGENT_UPDATE_GOLDEN";

    public string Directory { get; } = Path.Combine(RepositoryFiles.Root, "tests", "WgAgent.Core.Tests", area, "Golden");

    /// <summary>Asserts <paramref name="actual"/> equals Golden/<paramref name="name"/>, or rewrites it when updating.</summary>
    public void Verify(string name, string actual)
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
