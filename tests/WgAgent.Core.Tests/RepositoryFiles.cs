namespace WgAgent.Core.Tests;

/// <summary>The checkout the tests were built from, for tests of files the package ships.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Agent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Agent.sln above {AppContext.BaseDirectory}");
    }
}
