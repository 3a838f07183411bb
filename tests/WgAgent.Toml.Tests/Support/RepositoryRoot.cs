namespace WgAgent.Toml.Tests.Support;

/// <summary>Finds the checkout the tests were built from (the directory holding Agent.sln).</summary>
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
}
