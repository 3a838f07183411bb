using System.Runtime.InteropServices;

namespace WgAgent.Interop;

/// <summary>
/// The few entry points of libnftables(3) that wgagent uses: the same library the nft command is built on, so the
/// text it takes is exactly what <c>nft -f</c> takes, and one buffer is one transaction.
/// </summary>
/// <remarks>
/// Strings returned by the library (<c>const char *</c>) stay owned by the context and are read with
/// <see cref="Marshal.PtrToStringUTF8(nint)"/> before <see cref="nft_ctx_free"/>; they are declared as
/// <see cref="nint"/> so no marshaller ever frees them.
/// </remarks>
internal static partial class LibNftablesNative
{
    /// <summary>The soname Debian's libnftables1 package installs.</summary>
    public const string Library = "libnftables.so.1";

    /// <summary><c>NFT_CTX_DEFAULT</c>: what the nft command uses, so listings read the same.</summary>
    public const uint ContextDefault = 0;

    [LibraryImport(Library)]
    internal static partial nint nft_ctx_new(uint flags);

    [LibraryImport(Library)]
    internal static partial void nft_ctx_free(nint ctx);

    [LibraryImport(Library)]
    internal static partial int nft_ctx_buffer_output(nint ctx);

    [LibraryImport(Library)]
    internal static partial int nft_ctx_buffer_error(nint ctx);

    [LibraryImport(Library)]
    internal static partial nint nft_ctx_get_output_buffer(nint ctx);

    [LibraryImport(Library)]
    internal static partial nint nft_ctx_get_error_buffer(nint ctx);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int nft_run_cmd_from_buffer(nint ctx, string buffer);
}
