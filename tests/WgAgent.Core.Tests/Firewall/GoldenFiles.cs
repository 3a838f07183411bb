namespace WgAgent.Core.Tests.Firewall;

/// <summary>
/// The committed rendered rulesets, read from (and with WGAGENT_UPDATE_GOLDEN=1 written to) the source tree, so a
/// rule change shows up in review as a diff of these files. The lab tests load the same files into real nft.
/// </summary>
internal static class GoldenFiles
{
    public const string UpdateVariable = "WGAGENT_UPDATE_GOLDEN";

    public static string Directory { get; } = Path.Combine(RepositoryFiles.Root, "tests", "WgAgent.Core.Tests", "Firewall", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string PathOf(string name) => Path.Combine(Directory, name + ".nft");

    /// <summary>Asserts <paramref name="actual"/> equals the golden file, or rewrites the file when updating.</summary>
    public static void Verify(string name, string actual)
    {
        var path = PathOf(name);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with {UpdateVariable}=1 to create it, then review and commit it");
        var expected = File.ReadAllText(path);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"{path} differs from the rendered ruleset at {FirstDifference(expected, actual)}.\n" +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and review `git diff {Path.GetRelativePath(RepositoryFiles.Root, path)}`.");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end of file)";
            var al = i < a.Length ? a[i] : "(end of text)";
            if (!string.Equals(el, al, StringComparison.Ordinal))
            {
                return $"line {i + 1}:\n  golden:   {el}\n  rendered: {al}";
            }
        }

        return "(line endings)";
    }
}
