using System.Runtime.InteropServices;

namespace WgAgent.Interop;

/// <summary>
/// <c>struct statx</c> (statx(2)): unlike <c>struct stat</c> its layout is the same on every architecture, which is
/// why wgagent reads a file's type and identity with it. Only the fields used are declared; the size is the kernel's.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct Statx
{
    /// <summary>stx_mask: which fields the kernel filled in.</summary>
    [FieldOffset(0)]
    public uint Mask;

    /// <summary>stx_uid.</summary>
    [FieldOffset(20)]
    public uint Uid;

    /// <summary>stx_gid.</summary>
    [FieldOffset(24)]
    public uint Gid;

    /// <summary>stx_mode: file type and permission bits.</summary>
    [FieldOffset(28)]
    public ushort Mode;

    /// <summary>stx_ino.</summary>
    [FieldOffset(32)]
    public ulong Inode;

    /// <summary>stx_dev_major.</summary>
    [FieldOffset(136)]
    public uint DeviceMajor;

    /// <summary>stx_dev_minor.</summary>
    [FieldOffset(140)]
    public uint DeviceMinor;

    private const ushort TypeMask = 0xF000; // S_IFMT
    private const ushort TypeSocket = 0xC000; // S_IFSOCK

    /// <summary>Whether the file is a socket (S_ISSOCK).</summary>
    public readonly bool IsSocket => (Mode & TypeMask) == TypeSocket;

    /// <summary>Whether two results name the same file (device and inode).</summary>
    /// <param name="other">Another result.</param>
    /// <returns>True for the same file.</returns>
    public readonly bool IsSameFile(in Statx other) =>
        Inode == other.Inode && DeviceMajor == other.DeviceMajor && DeviceMinor == other.DeviceMinor;
}
