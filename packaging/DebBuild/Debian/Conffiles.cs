using WgAgent.DebBuild.Spec;

namespace WgAgent.DebBuild.Debian;

/// <summary>Renders DEBIAN/conffiles (deb-conffiles(5)): one absolute path per line. Pure.</summary>
public static class Conffiles
{
    /// <summary>The config entries' destinations in spec order, or null when there are none (then no file is written).</summary>
    public static string? Render(PackageSpec spec)
    {
        var paths = spec.Conffiles.Select(c => c.Destination + "\n").ToList();
        return paths.Count == 0 ? null : string.Concat(paths);
    }
}
