using System.Formats.Tar;

namespace WgAgent.Packaging.Tests.Support;

/// <summary>One member of a .deb's data or control archive, as the tar header has it.</summary>
/// <param name="Path">Absolute path (<c>/usr/bin/agentctl</c>; <c>/</c> for the root; a control member's bare name).</param>
/// <param name="Type">Directory, regular file, symbolic link...</param>
/// <param name="Mode">Permission bits.</param>
/// <param name="Owner">User name and id.</param>
/// <param name="Group">Group name and id.</param>
/// <param name="Mtime">Modification time.</param>
/// <param name="LinkTarget">A link's target, else empty.</param>
/// <param name="Length">Size of a regular file.</param>
/// <param name="Head">The first bytes of a regular file (an ELF header is 20).</param>
/// <param name="Md5">Lower-case hex MD5 of a regular file.</param>
/// <param name="Text">A small regular file's content as text (control members), else null.</param>
public sealed record DebEntry(
    string Path, TarEntryType Type, UnixFileMode Mode, (string Name, int Id) Owner, (string Name, int Id) Group,
    DateTimeOffset Mtime, string LinkTarget, long Length, byte[] Head, string Md5, string? Text)
{
    public bool IsDirectory => Type == TarEntryType.Directory;

    public bool IsRegularFile => Type is TarEntryType.RegularFile or TarEntryType.V7RegularFile;
}
