namespace WgAgent.Lab.Installing;

/// <summary>
/// One file of the wgagent package: where it comes from in the checkout, where the .deb puts it, and its
/// mode. The system tests install these into a booted host the way the package will (see nfpm.yaml).
/// </summary>
/// <param name="Source">Path relative to the checkout root (e.g. systemd/wgagent-killswitch.service).</param>
/// <param name="Destination">The absolute path the package installs it to.</param>
/// <param name="Mode">The file mode the package gives it.</param>
public sealed record PackageFile(string Source, string Destination, UnixFileMode Mode)
{
    /// <summary>
    /// The destination as a path the booted-host fixture may write to: Debian 12 has merged /usr, so
    /// /lib is a symlink to usr/lib, and the fixture refuses to write through symlinks.
    /// </summary>
    public string WritablePath =>
        Destination.StartsWith("/lib/", StringComparison.Ordinal) ? "/usr" + Destination : Destination;
}
