using System.Security.Cryptography;

namespace WgAgent.Lab.Runs;

/// <summary>
/// One lab run's identity and bookkeeping: a short random id in every namespace name, and a directory
/// /run/wgagent-lab/ID holding the owner (the test process) and the run's files (keys, Prometheus data).
/// </summary>
public sealed class LabRun
{
    /// <summary>Where every run keeps its directory.</summary>
    public const string RunsRoot = "/run/wgagent-lab";

    /// <summary>Every lab namespace name starts with this; nothing else is ever touched by the cleaner.</summary>
    public const string NamespacePrefix = "wgl-";

    /// <summary>Name of the owner file in a run directory: "PID STARTTICKS" of the owning process.</summary>
    public const string OwnerFileName = "owner";

    /// <summary>A run directory being prepared (it has its owner file; it is renamed to the id once complete).</summary>
    public const string StagingPrefix = ".new-";

    private LabRun(string id) => Id = id;

    /// <summary>The run id: 6 lowercase hex digits.</summary>
    public string Id { get; }

    /// <summary>The run directory.</summary>
    public string Directory => Path.Combine(RunsRoot, Id);

    /// <summary>The network namespace name for a host role, e.g. wgl-1a2b3c-node.</summary>
    public string NamespaceName(string role) => $"{NamespacePrefix}{Id}-{role}";

    /// <summary>The prefix of all this run's namespace names.</summary>
    public string NamespaceNamePrefix => $"{NamespacePrefix}{Id}-";

    /// <summary>Creates a fresh run directory (owned by <paramref name="owner"/>) before any namespace exists.</summary>
    /// <remarks>Directory first, namespaces second: a namespace without a directory can then only be a leftover.</remarks>
    public static LabRun Create(ProcessIdentity owner)
    {
        System.IO.Directory.CreateDirectory(RunsRoot);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var run = new LabRun(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
            if (System.IO.Directory.Exists(run.Directory) || File.Exists($"/run/netns/{run.NamespaceName("router")}"))
            {
                continue;
            }

            // Written aside and renamed into place, so a cleaner never sees a run directory without its owner.
            var staging = Path.Combine(RunsRoot, StagingPrefix + run.Id);
            System.IO.Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, OwnerFileName), owner + "\n");
            System.IO.Directory.Move(staging, run.Directory);
            return run;
        }

        throw new LabException($"could not find a free run id under {RunsRoot}");
    }

    /// <summary>Refers to an existing run by id (for cleanup).</summary>
    public static LabRun Existing(string id) => new(id);

    /// <summary>The recorded owner, or null when the owner file is missing or unreadable.</summary>
    public ProcessIdentity? ReadOwner()
    {
        try
        {
            return ProcessIdentity.Parse(File.ReadAllText(Path.Combine(Directory, OwnerFileName)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
