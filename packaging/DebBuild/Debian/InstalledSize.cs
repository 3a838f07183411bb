namespace WgAgent.DebBuild.Debian;

/// <summary>The control file's Installed-Size. Pure.</summary>
public static class InstalledSize
{
    /// <summary>
    /// KiB the package takes unpacked, counted the way dpkg-gencontrol does: each regular file rounded up to a whole
    /// KiB, and one KiB for every other entry (directory, symlink), since each takes at least a block.
    /// </summary>
    /// <param name="fileSizes">Sizes in bytes of the regular files.</param>
    /// <param name="otherEntries">How many directories and symlinks the data archive holds.</param>
    public static long KiB(IEnumerable<long> fileSizes, int otherEntries) =>
        fileSizes.Sum(size => (size + 1023) / 1024) + otherEntries;
}
