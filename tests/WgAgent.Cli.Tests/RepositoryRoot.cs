namespace WgAgent.Cli.Tests;

/// <summary>Finds the checkout the tests were built from, so they can read VERSION like the build does.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Agent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Agent.sln above {AppContext.BaseDirectory}");
    }

    public static string Version => File.ReadAllText(System.IO.Path.Combine(Path, "VERSION")).Trim();
}
