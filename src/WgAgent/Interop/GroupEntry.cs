using System.Runtime.InteropServices;

namespace WgAgent.Interop;

/// <summary><c>struct group</c> (getgrnam_r(3), glibc &lt;grp.h&gt;) on the 64-bit targets wgagent ships for.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GroupEntry
{
    /// <summary>gr_name.</summary>
    public nint Name;

    /// <summary>gr_passwd.</summary>
    public nint Password;

    /// <summary>gr_gid.</summary>
    public uint Id;

    /// <summary>gr_mem: a NULL-terminated array of member names.</summary>
    public nint Members;
}
