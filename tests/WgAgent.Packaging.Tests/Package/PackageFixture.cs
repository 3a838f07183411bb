using WgAgent.DebBuild.Spec;
using WgAgent.Packaging.Tests.Support;

namespace WgAgent.Packaging.Tests.Package;

/// <summary>
/// Builds the real packages once for all tests of <see cref="PackageTests"/>: amd64 and arm64 from nfpm.yaml through
/// scripts/build-deb.sh (the same path as make deb) into a temporary folder, plus an amd64 package with a higher
/// version (build-deb.sh --version, the way the upgrade tests build theirs); lintian checks the first two.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string UpgradeVersion = "99.0.0";

    private readonly string _out = Directory.CreateTempSubdirectory("wgagent-packaging-tests-").FullName;

    public IReadOnlyDictionary<string, BuiltPackage> ByArch { get; private set; } = new Dictionary<string, BuiltPackage>();

    /// <summary>The amd64 package built with <c>--version</c> <see cref="UpgradeVersion"/>.</summary>
    public DebArchive Upgrade { get; private set; } = null!;

    /// <summary>The timestamp build-deb.sh gives every file: the newest changelog entry's date.</summary>
    public DateTimeOffset ChangelogDate { get; private set; }

    public string OutDirectory => _out;

    public async Task InitializeAsync()
    {
        foreach (var rid in new[] { "linux-x64", "linux-arm64" })
        {
            foreach (var bin in new[] { "wgagent", "agentctl" })
            {
                var path = Repo.PathOf($"out/publish/{rid}/{bin}");
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException(
                        $"{path} is missing: the package tests need both architectures published first (make publish publish-arm64; make test does it)");
                }
            }
        }

        var version = File.ReadAllText(Repo.PathOf("VERSION")).Trim();
        var packages = new Dictionary<string, (PackageSpec, DebArchive)>();
        // One build at a time: each runs dotnet build on packaging/DebBuild, which must not run twice at once.
        foreach (var (arch, ridArch) in new[] { ("amd64", "x64"), ("arm64", "arm64") })
        {
            var deb = await BuildAsync(["--arch", arch, "--out", _out]);
            var spec = SpecReader.Read(File.ReadAllText(Repo.PathOf("nfpm.yaml")), "nfpm.yaml",
                name => name switch { "ARCH" => arch, "RID_ARCH" => ridArch, "VERSION" => version, _ => null });
            packages[arch] = (spec, deb);
        }
        Upgrade = await BuildAsync(["--arch", "amd64", "--version", UpgradeVersion, "--out", Path.Combine(_out, "upgrade")]);

        var stamp = await Command.RunAsync("dpkg-parsechangelog", ["-l", Repo.PathOf("packaging/changelog"), "-STimestamp"]);
        ChangelogDate = DateTimeOffset.FromUnixTimeSeconds(long.Parse(stamp.Text.Trim(), System.Globalization.CultureInfo.InvariantCulture));

        // -I shows the informational tags too, so a stale or mismatched override (an info tag) is seen.
        var lintian = await Task.WhenAll(packages.Select(p =>
            Command.RunAsync("lintian", ["--fail-on", "error,warning", "-I", p.Value.Item2.Path], timeout: TimeSpan.FromMinutes(2))));
        ByArch = packages.Keys.Zip(lintian)
            .ToDictionary(p => p.First, p => new BuiltPackage(p.First, packages[p.First].Item1, packages[p.First].Item2, p.Second));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_out, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task<DebArchive> BuildAsync(string[] arguments)
    {
        var build = await Command.RunAsync(Repo.PathOf("scripts/build-deb.sh"), arguments, Repo.Root, TimeSpan.FromMinutes(4));
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/build-deb.sh {string.Join(' ', arguments)} exited {build.ExitCode}: {build.Stderr.Trim()}");
        }
        // Its last line is "PATH (SIZE MiB)".
        var path = build.Text.Trim().Split('\n')[^1].Split(" (")[0];
        return await DebArchive.OpenAsync(path);
    }
}
