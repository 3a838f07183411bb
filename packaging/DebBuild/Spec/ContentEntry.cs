namespace WgAgent.DebBuild.Spec;

/// <summary>One <c>contents:</c> entry, variables expanded and defaults applied.</summary>
/// <param name="Source">The file in the build tree (relative to the spec's directory), the link target for a symlink, null for a dir.</param>
/// <param name="Destination">The absolute, normalized path in the installed system.</param>
/// <param name="Type">What it is.</param>
/// <param name="Mode">Permission bits in the package.</param>
/// <param name="Owner">Owner name in the package (always root: dpkg-deb runs with --root-owner-group).</param>
/// <param name="Group">Group name in the package (always root, as <paramref name="Owner"/>).</param>
/// <param name="Position">Where the entry starts in the spec, for errors about its files.</param>
public sealed record ContentEntry(
    string? Source, string Destination, ContentType Type, UnixFileMode Mode, string Owner, string Group, SpecPosition Position)
{
    /// <summary>Whether dpkg treats it as a conffile (listed in DEBIAN/conffiles).</summary>
    public bool IsConffile => Type is ContentType.Config or ContentType.ConfigNoReplace;

    /// <summary>Whether it is a regular file copied from the build tree.</summary>
    public bool IsRegularFile => Type is ContentType.File or ContentType.Config or ContentType.ConfigNoReplace;
}
