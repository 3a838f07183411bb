namespace WgAgent.DebBuild.Debian;

/// <summary>Renders DEBIAN/md5sums (deb-md5sums(5)). Pure.</summary>
public static class Md5Sums
{
    /// <summary>
    /// One "HASH  PATH" line per file, the path relative to the root without a leading '/', sorted so the file does
    /// not depend on the order files were staged in.
    /// </summary>
    /// <param name="files">Absolute package paths and their lower-case hex MD5.</param>
    public static string Render(IEnumerable<(string Path, string Md5)> files) =>
        string.Concat(files
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => $"{f.Md5}  {f.Path.TrimStart('/')}\n"));
}
