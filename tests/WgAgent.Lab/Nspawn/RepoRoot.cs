namespace WgAgent.Lab.Nspawn;

/// <summary>Finds the checkout the tests were built from, to locate scripts/ next to Agent.sln.</summary>
internal static class RepoRoot
{
    /// <summary>The folder holding Agent.sln, found by walking up from the test binaries.</summary>
    /// <exception cref="DirectoryNotFoundException">No parent folder holds Agent.sln.</exception>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Agent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"no folder above {AppContext.BaseDirectory} contains Agent.sln; run the tests from the checkout");
    }
}
