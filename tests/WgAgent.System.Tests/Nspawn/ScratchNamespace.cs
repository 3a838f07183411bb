using System.Diagnostics;
using System.Security.Cryptography;

namespace WgAgent.System.Tests.Nspawn;

/// <summary>
/// An empty network namespace (loopback only) for the booted-host fixture's own tests, which need no
/// lab network. Named wgl2-* so neither the level-1 lab's cleaner (wgl-*) nor anything else claims it.
/// </summary>
public sealed class ScratchNamespace : IDisposable
{
    private ScratchNamespace(string name) => Name = name;

    /// <summary>The namespace name.</summary>
    public string Name { get; }

    /// <summary>The path nspawn's --network-namespace-path takes.</summary>
    public string Path => $"/run/netns/{Name}";

    /// <summary>Creates the namespace and brings its loopback up.</summary>
    public static ScratchNamespace Create()
    {
        var ns = new ScratchNamespace($"wgl2-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        Run("ip", "netns", "add", ns.Name);
        try
        {
            Run("ip", "-n", ns.Name, "link", "set", "lo", "up");
        }
        catch
        {
            ns.Dispose();
            throw;
        }

        return ns;
    }

    /// <summary>Deletes the namespace (a container still in it keeps it alive until it stops).</summary>
    public void Dispose() => Run("ip", "netns", "delete", Name);

    private static void Run(params string[] argv)
    {
        var start = new ProcessStartInfo(argv[0]) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
            throw new TimeoutException($"{string.Join(' ', argv)}: no exit after 10 s");
        }

        var stderr = process.StandardError.ReadToEnd();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', argv)}: {stderr.Trim()}");
        }
    }
}
