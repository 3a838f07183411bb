namespace WgAgent.Lab.Tests.Firewall;

/// <summary>The golden rulesets committed with the core tests (tests/WgAgent.Core.Tests/Firewall/Golden).</summary>
internal static class GoldenTables
{
    public static string Directory { get; } = Find();

    /// <summary>Every golden file's name without extension, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.nft").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name + ".nft"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Agent.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "WgAgent.Core.Tests", "Firewall", "Golden");
            }
        }

        throw new InvalidOperationException($"no Agent.sln above {AppContext.BaseDirectory}");
    }
}
