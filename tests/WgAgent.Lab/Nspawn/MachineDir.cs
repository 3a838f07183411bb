using WgAgent.Lab.Runs;

namespace WgAgent.Lab.Nspawn;

/// <summary>
/// The per-boot folder under the lab's temp folder: the overlay's upper/work layers, the merged root,
/// the console log, and who owns it (the test process, nspawn and the container's PID 1, each as PID
/// and start time), so a later run can clean up after a crashed one without guessing.
/// </summary>
internal sealed class MachineDir
{
    private const string OwnerFileName = "owner";
    private const string NspawnFileName = "nspawn.pid";
    private const string LeaderFileName = "leader.pid";

    private MachineDir(string path) => Path = path;

    /// <summary>Where all booted hosts of all runs keep their folders; nothing else lives here.</summary>
    /// <remarks>
    /// Fixed (not $TMPDIR), so every run sweeps the same place; on disk, since the upper layer takes what
    /// a test installs and /tmp may be a small tmpfs (Debian 13's default).
    /// </remarks>
    public const string LabRoot = "/var/tmp/wgagent-lab/nspawn";

    /// <summary>The folder itself (named after the machine).</summary>
    public string Path { get; }

    /// <summary>The merged overlay: the container's root file system as seen from the host.</summary>
    public string Root => Sub("root");

    /// <summary>The overlay's upper layer: everything the test or the container changed.</summary>
    public string Upper => Sub("upper");

    /// <summary>The overlay's work dir (same file system as <see cref="Upper"/>, as overlayfs requires).</summary>
    public string Work => Sub("work");

    /// <summary>nspawn's stdout and stderr, which carry the container's console.</summary>
    public string ConsoleLog => Sub("console.log");

    /// <summary>Creates the folder for <paramref name="machineName"/> and records the current process as owner.</summary>
    public static MachineDir Create(string machineName)
    {
        var dir = new MachineDir(System.IO.Path.Combine(LabRoot, machineName));
        Directory.CreateDirectory(dir.Path);
        // Written first, so a sweeper in another process never sees an ownerless folder of a live run
        // (except in the instant between these two calls, which the sweeper's age check covers).
        File.WriteAllText(dir.Sub(OwnerFileName), ProcessIdentity.Current.ToString());
        Directory.CreateDirectory(dir.Root);
        Directory.CreateDirectory(dir.Upper);
        Directory.CreateDirectory(dir.Work);
        return dir;
    }

    /// <summary>All machine folders left by any run, live or dead.</summary>
    public static IEnumerable<MachineDir> All() =>
        Directory.Exists(LabRoot)
            ? Directory.EnumerateDirectories(LabRoot).Select(p => new MachineDir(p))
            : [];

    /// <summary>The test process that created this folder, if recorded.</summary>
    public ProcessIdentity? Owner => Read(OwnerFileName);

    /// <summary>The systemd-nspawn process, once started.</summary>
    public ProcessIdentity? Nspawn
    {
        get => Read(NspawnFileName);
        set => File.WriteAllText(Sub(NspawnFileName), value?.ToString() ?? string.Empty);
    }

    /// <summary>The container's PID 1 (systemd) as seen from the host, once found.</summary>
    public ProcessIdentity? Leader
    {
        get => Read(LeaderFileName);
        set => File.WriteAllText(Sub(LeaderFileName), value?.ToString() ?? string.Empty);
    }

    /// <summary>Age of the folder, for deciding about folders without a readable owner.</summary>
    public TimeSpan Age => DateTime.UtcNow - Directory.GetCreationTimeUtc(Path);

    /// <summary>The last <paramref name="lines"/> lines of the console log, colours removed.</summary>
    public string ConsoleTail(int lines)
    {
        try
        {
            var text = File.ReadAllText(ConsoleLog);
            return ConsoleText.Clean(RootfsCache.Tail(text.TrimEnd(), lines));
        }
        catch (IOException e)
        {
            return $"(no console log: {e.Message})";
        }
    }

    private string Sub(string name) => System.IO.Path.Combine(Path, name);

    private ProcessIdentity? Read(string name)
    {
        try
        {
            return ProcessIdentity.Parse(File.ReadAllText(Sub(name)));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Path;
}
