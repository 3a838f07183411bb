using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.Package;

/// <summary>
/// The two .debs the package test installs, built from this checkout by the project's own tool
/// (<c>scripts/build-deb.sh</c>, the same as <c>make deb</c>) into a folder of their own: the version in the VERSION
/// file, and one with its last number raised by one, to upgrade to. Deleted on dispose.
/// </summary>
public sealed class DebPackages : IDisposable
{
    private const string Architecture = "amd64";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private DebPackages(string directory, string baseVersion, string upgradeVersion, TimeSpan buildTime)
    {
        Directory = directory;
        BaseVersion = baseVersion;
        UpgradeVersion = upgradeVersion;
        BuildTime = buildTime;
    }

    /// <summary>The folder holding both files.</summary>
    public string Directory { get; }

    /// <summary>The version installed first (the VERSION file's).</summary>
    public string BaseVersion { get; }

    /// <summary>The higher version the test upgrades to.</summary>
    public string UpgradeVersion { get; }

    /// <summary>How long building both took.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>The first package.</summary>
    public string BasePath => PathOf(BaseVersion);

    /// <summary>The upgrade.</summary>
    public string UpgradePath => PathOf(UpgradeVersion);

    /// <summary>The tool, for a precondition check.</summary>
    public static string BuildScript => Path.Combine(RepoRoot.Find(), "scripts", "build-deb.sh");

    /// <summary>The file name build-deb.sh gives <paramref name="version"/> (wgagent_VERSION_ARCH.deb, as dpkg names it).</summary>
    public static string FileName(string version) => $"wgagent_{version}_{Architecture}.deb";

    /// <summary>
    /// Builds both, one after the other (each run builds the builder itself with dotnet, which must not run twice
    /// at once on one project), into a new folder under the system's temp folder.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tool is missing or failed; the message has its output.</exception>
    public static async Task<DebPackages> BuildAsync()
    {
        if (!File.Exists(BuildScript))
        {
            throw new InvalidOperationException($"{BuildScript} is missing: the package test builds its .debs with it");
        }

        var root = RepoRoot.Find();
        var baseVersion = (await File.ReadAllTextAsync(Path.Combine(root, "VERSION"))).Trim();
        var upgradeVersion = Raise(baseVersion);
        var directory = Path.Combine(Path.GetTempPath(), $"wgagent-package-test-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        global::System.IO.Directory.CreateDirectory(directory);
        var packages = new DebPackages(directory, baseVersion, upgradeVersion, TimeSpan.Zero);
        try
        {
            var clock = Stopwatch.StartNew();
            foreach (var version in new[] { baseVersion, upgradeVersion })
            {
                var build = await CommandRunner.RunAsync(
                    [BuildScript, "--arch", Architecture, "--version", version, "--out", directory], BuildTimeout);
                if (!build.Succeeded || !File.Exists(packages.PathOf(version)))
                {
                    throw new InvalidOperationException($"building the {version} package: {build.Describe()}\n{build.Stdout.Trim()}");
                }
            }

            return new DebPackages(directory, baseVersion, upgradeVersion, clock.Elapsed);
        }
        catch
        {
            packages.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        if (global::System.IO.Directory.Exists(Directory))
        {
            global::System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>X.Y.Z → X.Y.(Z+1): higher for dpkg --compare-versions, and still the plain form nfpm.yaml uses.</summary>
    private static string Raise(string version)
    {
        var parts = version.Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            throw new InvalidOperationException($"VERSION \"{version}\" is not X.Y.Z; the package test cannot pick a higher one");
        }

        parts[^1] = (last + 1).ToString(CultureInfo.InvariantCulture);
        return string.Join('.', parts);
    }

    private string PathOf(string version) => Path.Combine(Directory, FileName(version));
}
