namespace WgAgent.Lab;

/// <summary>Checks, before touching anything, that this machine can run the lab; fails loudly, never skips.</summary>
public static class LabPreconditions
{
    // Program → Debian package, for the hint in the error.
    private static readonly (string Program, string Package)[] Tools =
    [
        ("ip", "iproute2"),
        ("nsenter", "util-linux"),
        ("unshare", "util-linux"),
        ("wg", "wireguard-tools"),
        ("wireguard-go", "wireguard-go"),
        ("ping", "iputils-ping"),
        ("sysctl", "procps"),
        ("prometheus", "prometheus"),
        ("prometheus-node-exporter", "prometheus-node-exporter"),
    ];

    /// <summary>Throws a <see cref="LabException"/> unless running as root with every tool installed.</summary>
    public static void Ensure()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new LabException("the lab needs root: run `make test` as root");
        }

        if (!File.Exists("/dev/net/tun"))
        {
            throw new LabException("the lab needs /dev/net/tun for wireguard-go");
        }

        var missing = Tools.Where(t => FindInPath(t.Program) is null).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(t => t.Package).Distinct());
            throw new LabException(
                $"the lab needs {string.Join(", ", missing.Select(t => t.Program))}: apt-get install {packages}");
        }
    }

    /// <summary>The full path of a program found in PATH, or null.</summary>
    public static string? FindInPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }
}
