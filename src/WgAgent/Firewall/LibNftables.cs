using System.Runtime.InteropServices;
using WgAgent.Interop;

namespace WgAgent.Firewall;

/// <summary>
/// nftables through libnftables(3) in-process: no nft process to start, which is most of the cost of a kill-switch
/// apply at boot. One context per call (nft_ctx_new … nft_ctx_free), so calls share no state and a failed call
/// leaves nothing behind. libnftables(3) promises nothing about threads, so callers serialize (the applier does).
/// Note: the library calls exit(3) if it cannot open its netlink socket at all (a sandbox that forbids AF_NETLINK).
/// </summary>
/// <remarks>
/// A context talks to the kernel over a netlink socket, and a socket belongs to the network namespace of the
/// thread that creates it (network_namespaces(7)). With a namespace path, each call therefore runs on a fresh
/// dedicated thread that first joins that namespace with setns(2); the thread pool is never switched. Without one,
/// the call runs on the caller's thread in the process's own namespace.
/// </remarks>
public sealed class LibNftables : INftables
{
    private static readonly TimeSpan NamespaceCallLimit = TimeSpan.FromSeconds(30);
    private readonly string? networkNamespacePath;

    /// <summary>Talks to nftables in the process's own network namespace.</summary>
    public LibNftables()
        : this(null)
    {
    }

    /// <summary>Talks to nftables in the network namespace at <paramref name="networkNamespacePath"/>.</summary>
    /// <param name="networkNamespacePath">E.g. <c>/run/netns/NAME</c>; null for the process's own namespace.</param>
    public LibNftables(string? networkNamespacePath) => this.networkNamespacePath = networkNamespacePath;

    /// <inheritdoc />
    public Task<NftResult> RunAsync(string script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        return InvokeAsync(script, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> ListTableAsync(CancellationToken cancellationToken = default)
    {
        var result = await InvokeAsync(NftCommands.ListTable, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.Output;
        }

        var failure = NftCommands.ListingFailure(result);
        return failure is null ? null : throw failure;
    }

    private Task<NftResult> InvokeAsync(string script, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return networkNamespacePath is null ? Task.FromResult(Run(script)) : RunInNamespaceAsync(networkNamespacePath, script);
    }

    private static Task<NftResult> RunInNamespaceAsync(string path, string script)
    {
        var completion = new TaskCompletionSource<NftResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                // The thread ends right after the call, so it is never switched back and nothing else runs on it.
                using (var target = File.OpenHandle(path))
                {
                    Libc.SetNetworkNamespace(target, path);
                }

                completion.SetResult(Run(script));
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "nft-netns",
        };
        thread.Start();
        return completion.Task.WaitAsync(NamespaceCallLimit);
    }

    private static NftResult Run(string script)
    {
        var context = NewContext();
        try
        {
            // Buffered: the library must not write to our stdout/stderr, and the caller needs the text.
            if (LibNftablesNative.nft_ctx_buffer_output(context) != 0 || LibNftablesNative.nft_ctx_buffer_error(context) != 0)
            {
                throw new NftablesException("libnftables: cannot buffer output (out of memory?)");
            }

            var rc = LibNftablesNative.nft_run_cmd_from_buffer(context, script);
            var output = Marshal.PtrToStringUTF8(LibNftablesNative.nft_ctx_get_output_buffer(context)) ?? "";
            var error = Marshal.PtrToStringUTF8(LibNftablesNative.nft_ctx_get_error_buffer(context)) ?? "";
            return new NftResult(rc == 0, output, error);
        }
        finally
        {
            LibNftablesNative.nft_ctx_free(context);
        }
    }

    private static nint NewContext()
    {
        nint context;
        try
        {
            context = LibNftablesNative.nft_ctx_new(LibNftablesNative.ContextDefault);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new NftablesUnavailableException($"cannot load {LibNftablesNative.Library}", "install the nftables package", e);
        }

        return context != 0 ? context : throw new NftablesException("libnftables: nft_ctx_new failed (out of memory?)");
    }
}
