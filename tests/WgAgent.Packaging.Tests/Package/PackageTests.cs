using System.Text.RegularExpressions;
using WgAgent.DebBuild.Spec;
using WgAgent.Lab.Installing;
using Xunit.Abstractions;

namespace WgAgent.Packaging.Tests.Package;

/// <summary>The real .debs against nfpm.yaml: every entry shipped as specified, nothing else, and lintian-clean.</summary>
public class PackageTests(PackageFixture fixture, ITestOutputHelper output) : IClassFixture<PackageFixture>
{
    private const long MaxDebBytes = 25L * 1024 * 1024;
    private const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101;

    public static TheoryData<string> Architectures => ["amd64", "arm64"];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void EveryContentsEntry_IsInTheDebWithItsModeAndOwner(string arch)
    {
        var package = fixture.ByArch[arch];

        Assert.NotEmpty(package.Spec.Contents);
        foreach (var entry in package.Spec.Contents)
        {
            Assert.True(package.Deb.Data.TryGetValue(entry.Destination, out var shipped), $"{entry.Destination} is not in {package.Deb.Path}");
            Assert.Equal((entry.Destination, entry.Mode, entry.Owner, entry.Group, 0, 0),
                (shipped.Path, shipped.Mode, shipped.Owner.Name, shipped.Group.Name, shipped.Owner.Id, shipped.Group.Id));
            var expectedType = entry.Type switch
            {
                ContentType.Dir => System.Formats.Tar.TarEntryType.Directory,
                ContentType.Symlink => System.Formats.Tar.TarEntryType.SymbolicLink,
                _ => shipped.Type, // regular: checked below against the source's bytes
            };
            Assert.Equal(expectedType, shipped.Type);
            if (entry.IsRegularFile)
            {
                Assert.True(shipped.IsRegularFile, $"{entry.Destination} is a {shipped.Type}");
                Assert.Equal(Md5Of(entry.Source!), shipped.Md5);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void DataArchive_HoldsOnlyTheContentsAndTheirParentDirectories(string arch)
    {
        var package = fixture.ByArch[arch];
        var declared = package.Spec.Contents.Select(c => c.Destination).ToHashSet();

        var extra = package.Deb.Data.Values.Where(e => !declared.Contains(e.Path)).ToList();

        Assert.All(extra, e =>
        {
            Assert.True(e.IsDirectory, $"{e.Path} is in the package but not in nfpm.yaml");
            Assert.True(e.Path == "/" || declared.Any(d => d.StartsWith(e.Path + "/", StringComparison.Ordinal)), $"{e.Path}/ holds nothing of nfpm.yaml");
            Assert.Equal((DirectoryMode, "root", "root"), (e.Mode, e.Owner.Name, e.Group.Name));
        });
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Conffiles_AreExactlyTheConfigEntries(string arch)
    {
        var package = fixture.ByArch[arch];

        var conffiles = package.Deb.Control["conffiles"].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(package.Spec.Conffiles.Select(c => c.Destination), conffiles);
        Assert.Contains("/etc/wgagent.toml", conffiles);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Control_FieldsMatchTheSpec(string arch)
    {
        var spec = fixture.ByArch[arch].Spec;
        var fields = fixture.ByArch[arch].Deb.Fields;

        Assert.Equal(("wgagent", File.ReadAllText(Support.Repo.PathOf("VERSION")).Trim(), arch), (fields["Package"], fields["Version"], fields["Architecture"]));
        Assert.Equal((spec.Maintainer, spec.Section, spec.Priority), (fields["Maintainer"], fields["Section"], fields["Priority"]));
        Assert.Equal(string.Join(", ", spec.Relations.Single(r => r.Field == "Depends").Packages), fields["Depends"]);
        Assert.Equal(spec.Description.Replace("\n\n", "\n.\n"), fields["Description"]);
        var unpackedKiB = fixture.ByArch[arch].Deb.Data.Values.Where(e => e.IsRegularFile).Sum(e => e.Length) / 1024;
        Assert.InRange(long.Parse(fields["Installed-Size"], System.Globalization.CultureInfo.InvariantCulture), unpackedKiB, unpackedKiB + 100);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void MaintainerScripts_AreShippedExecutableAndUnchanged(string arch)
    {
        var package = fixture.ByArch[arch];

        Assert.Equal(["postinst", "postrm", "preinst", "prerm"], package.Spec.Scripts.Select(s => s.DebianName).Order());
        foreach (var script in package.Spec.Scripts)
        {
            var shipped = package.Deb.Control[script.DebianName];
            Assert.Equal((UnixFileMode)0b111_101_101, shipped.Mode);
            Assert.Equal(Md5Of(script.Source), shipped.Md5);
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Md5Sums_ListEveryFileButTheConffilesWithItsHash(string arch)
    {
        var package = fixture.ByArch[arch];
        var expected = package.Deb.Data.Values
            .Where(e => e.IsRegularFile && !package.Spec.Conffiles.Any(c => c.Destination == e.Path))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .Select(e => $"{e.Md5}  {e.Path.TrimStart('/')}");

        Assert.Equal(expected, package.Deb.Control["md5sums"].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Binaries_AreBuiltForThePackagesArchitecture(string arch)
    {
        // ELF e_machine (a little-endian half-word at offset 18): 62 x86-64, 183 AArch64.
        var machine = arch == "amd64" ? 62 : 183;
        foreach (var path in new[] { AgentPackage.WgAgentPath, AgentPackage.AgentCtlPath })
        {
            var head = fixture.ByArch[arch].Deb.Data[path].Head;
            Assert.Equal("\u007fELF"u8.ToArray(), head[..4]);
            Assert.Equal(machine, BitConverter.ToUInt16(head, 18));
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public async Task Binaries_NeedOnlyWhatDependsProvides(string arch)
    {
        // nfpm, unlike dpkg-shlibdeps, does not derive Depends from the binaries, so this keeps nfpm.yaml honest.
        // The shipped binaries are the published ones (EveryContentsEntry_... compares their bytes).
        var providers = new Dictionary<string, string>
        {
            ["libc.so.6"] = "libc6", ["libm.so.6"] = "libc6", ["ld-linux-x86-64.so.2"] = "libc6", ["ld-linux-aarch64.so.1"] = "libc6",
            ["libstdc++.so.6"] = "libstdc++6", ["libgcc_s.so.1"] = "libgcc-s1", ["libz.so.1"] = "zlib1g",
        };
        var depends = fixture.ByArch[arch].Spec.Relations.Single(r => r.Field == "Depends").Packages;
        var libc = depends.Single(d => d.StartsWith("libc6 ", StringComparison.Ordinal));
        var declaredGlibc = Version.Parse(Regex.Match(libc, @"\(>= ([0-9.]+)\)").Groups[1].Value);
        var rid = arch == "amd64" ? "linux-x64" : "linux-arm64";

        foreach (var binary in new[] { "wgagent", "agentctl" })
        {
            var path = Support.Repo.PathOf($"out/publish/{rid}/{binary}");
            var dynamic = await Support.Command.RunAsync("readelf", ["--dynamic", "--version-info", "--wide", path]);
            Assert.Equal(0, dynamic.ExitCode);
            var needed = Regex.Matches(dynamic.Text, @"\(NEEDED\)\s+Shared library: \[([^\]]+)\]").Select(m => m.Groups[1].Value);
            foreach (var library in needed)
            {
                Assert.True(providers.TryGetValue(library, out var package), $"{binary} ({arch}) needs {library}: say which package provides it");
                Assert.Contains(depends, d => d == package || d.StartsWith(package + " ", StringComparison.Ordinal));
            }
            var newestGlibc = Regex.Matches(dynamic.Text, @"GLIBC_([0-9]+\.[0-9]+)").Select(m => Version.Parse(m.Groups[1].Value)).Max();
            Assert.True(newestGlibc <= declaredGlibc, $"{binary} ({arch}) uses GLIBC_{newestGlibc} symbols, but Depends says {libc}");
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Deb_IsAtMost25MiB(string arch)
    {
        var size = new FileInfo(fixture.ByArch[arch].Deb.Path).Length;
        output.WriteLine($"{Path.GetFileName(fixture.ByArch[arch].Deb.Path)}: {size / 1048576.0:F1} MiB");

        Assert.InRange(size, 1, MaxDebBytes);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void EveryMember_HasTheChangelogDateAsItsTime(string arch)
    {
        // Reproducible: no member carries the time of the build.
        Assert.All(fixture.ByArch[arch].Deb.Data.Values, e => Assert.Equal(fixture.ChangelogDate, e.Mtime));
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Lintian_FindsNoErrorsNoWarningsAndNoStaleOverride(string arch)
    {
        var lintian = fixture.ByArch[arch].Lintian;
        output.WriteLine($"lintian exited {lintian.ExitCode}:\n{lintian.Text}{lintian.Stderr}");

        var lines = lintian.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.StartsWith("E: ", StringComparison.Ordinal) || l.StartsWith("W: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("unused-override", StringComparison.Ordinal) || l.Contains("mismatched-override", StringComparison.Ordinal));
        Assert.Equal(0, lintian.ExitCode);
    }

    [Fact]
    public void SystemdFiles_TheSystemTestsInstall_AreShippedWithTheirModes()
    {
        var deb = fixture.ByArch["amd64"].Deb;

        foreach (var file in AgentPackage.SystemdFiles)
        {
            Assert.True(deb.Data.TryGetValue(file.Destination, out var shipped), $"{file.Destination} is not in the package");
            Assert.Equal(file.Mode, shipped.Mode);
            Assert.Equal(Md5Of(file.Source), shipped.Md5);
        }
        Assert.Equal(AgentPackage.ExecutableMode, deb.Data[AgentPackage.WgAgentPath].Mode);
        Assert.Equal(AgentPackage.ExecutableMode, deb.Data[AgentPackage.AgentCtlPath].Mode);
        Assert.True(deb.Data.ContainsKey(AgentPackage.ConfigPath));
    }

    [Fact]
    public void VersionOption_BuildsThePackageWithThatVersion()
    {
        Assert.Equal($"wgagent_{PackageFixture.UpgradeVersion}_amd64.deb", Path.GetFileName(fixture.Upgrade.Path));
        Assert.Equal(PackageFixture.UpgradeVersion, fixture.Upgrade.Fields["Version"]);
    }

    private static string Md5Of(string repoRelative)
    {
        using var stream = File.OpenRead(Support.Repo.PathOf(repoRelative));
        return Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(stream));
    }
}
