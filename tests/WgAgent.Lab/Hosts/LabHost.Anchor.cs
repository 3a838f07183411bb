using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Hosts;

public sealed partial class LabHost
{
    /// <summary>Where wireguard-go puts its control sockets (wireguard-go's ipc: /var/run/wireguard).</summary>
    internal const string WireGuardRunDirectory = "/run/wireguard";

    /// <summary>
    /// Starts the anchor: a process in the host's network namespace that unshares its own mount namespace,
    /// mounts a tmpfs on /run/wireguard there and then just sleeps, so nsenter has something to enter.
    /// </summary>
    /// <remarks>
    /// Propagation "slave", not "private": a private copy of the mount table would keep a reference to every
    /// /run/netns/* bind mount that existed at that moment, so another lab's namespaces, deleted with
    /// `ip netns del`, would live on in the kernel until this anchor died. As a slave it still sees those
    /// unmounts, while its own tmpfs on /run/wireguard never propagates back to the root mount namespace.
    /// </remarks>
    internal async Task StartAnchorAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The mount point must exist in the shared file system; the tmpfs on it exists only inside the anchor.
        Directory.CreateDirectory(WireGuardRunDirectory);
        const string script = $"mount -t tmpfs -o mode=0755 lab-wireguard {WireGuardRunDirectory} && exec sleep infinity";
        _anchor = LabProcess.Start(
            $"{Name}/anchor",
            ["ip", "netns", "exec", NamespaceName, "unshare", "--mount", "--propagation", "slave", "sh", "-c", script]);

        // ip netns exec, unshare and sh all exec(), so the PID ends as `sleep` once the tmpfs is mounted.
        var deadline = DateTime.UtcNow + timeout;
        while (ReadComm(_anchor.Pid) != "sleep")
        {
            _anchor.EnsureRunning();
            if (DateTime.UtcNow > deadline)
            {
                throw new LabException($"{Name}: the namespace anchor was not ready within {timeout.TotalSeconds} s");
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? ReadComm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
