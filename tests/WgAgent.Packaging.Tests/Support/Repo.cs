namespace WgAgent.Packaging.Tests.Support;

/// <summary>The checkout these tests were built from: nfpm.yaml, scripts/build-deb.sh and out/publish/ are there.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !(File.Exists(Path.Combine(dir.FullName, "nfpm.yaml")) && File.Exists(Path.Combine(dir.FullName, "VERSION"))))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds nfpm.yaml and VERSION");
    }
}
