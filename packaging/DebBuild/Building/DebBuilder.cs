using System.Security.Cryptography;
using WgAgent.DebBuild.Debian;
using WgAgent.DebBuild.Spec;

namespace WgAgent.DebBuild.Building;

/// <summary>
/// Builds the .deb a <see cref="PackageSpec"/> describes: stages the tree and the control archive's files in a
/// temporary directory, then lets dpkg-deb pack it. The host half of the builder: all file system work is here.
/// </summary>
public sealed class DebBuilder
{
    private const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode ControlMode = (UnixFileMode)0b110_100_100;   // 0644
    private const UnixFileMode ScriptMode = (UnixFileMode)0b111_101_101;    // 0755: dpkg runs them directly

    private readonly string _root;
    private readonly DateTimeOffset _mtime;

    /// <summary>Creates a builder.</summary>
    /// <param name="root">The directory src paths are relative to (the spec's directory).</param>
    /// <param name="sourceDateEpoch">Seconds since 1970 given to every file and to dpkg-deb, so that the same
    /// inputs give the same .deb byte for byte (https://reproducible-builds.org/specs/source-date-epoch/).</param>
    public DebBuilder(string root, long sourceDateEpoch)
    {
        _root = root;
        _mtime = DateTimeOffset.FromUnixTimeSeconds(sourceDateEpoch);
    }

    /// <summary>Builds the package into <paramref name="outputDirectory"/> and returns the .deb's path.</summary>
    /// <exception cref="SpecException">A file the spec names is missing or unusable.</exception>
    /// <exception cref="InvalidOperationException">dpkg-deb failed.</exception>
    public string Build(PackageSpec spec, string outputDirectory)
    {
        CheckSources(spec);
        var stage = Directory.CreateTempSubdirectory("wgagent-deb-");
        try
        {
            var tree = Path.Combine(stage.FullName, "root");
            var installedSize = StageTree(spec, tree);
            StageControl(spec, tree, installedSize);
            foreach (var path in Directory.EnumerateFileSystemEntries(tree, "*", SearchOption.AllDirectories).Append(tree))
            {
                SetMtime(path);
            }

            Directory.CreateDirectory(outputDirectory);
            var output = Path.Combine(outputDirectory, spec.FileName);
            var partial = output + ".partial";
            // --root-owner-group: every entry is root:root whoever builds it, so no fakeroot is needed.
            Tool.Run("dpkg-deb", ["--root-owner-group", $"-Z{spec.Compression}", "--build", tree, partial],
                new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = _mtime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });
            File.Move(partial, output, overwrite: true); // never leave a half-written file under the final name
            return output;
        }
        finally
        {
            stage.Delete(recursive: true);
        }
    }

    /// <summary>Every missing file at once, each at the spec line that names it.</summary>
    private void CheckSources(PackageSpec spec)
    {
        var problems = new List<SpecDiagnostic>();
        foreach (var entry in spec.Contents.Where(e => e.IsRegularFile))
        {
            if (!File.Exists(Path.Combine(_root, entry.Source!)))
            {
                problems.Add(new SpecDiagnostic(entry.Position, $"{entry.Destination}: source file {entry.Source} does not exist"));
            }
        }
        foreach (var script in spec.Scripts)
        {
            var path = Path.Combine(_root, script.Source);
            if (!File.Exists(path))
            {
                problems.Add(new SpecDiagnostic(script.Position, $"{script.DebianName}: script {script.Source} does not exist"));
            }
            else if (!File.ReadAllText(path).StartsWith("#!", StringComparison.Ordinal))
            {
                // dpkg executes the script itself; without an interpreter line the exec fails at install time.
                problems.Add(new SpecDiagnostic(script.Position, $"{script.DebianName}: script {script.Source} does not start with #!"));
            }
        }
        if (problems.Count > 0)
        {
            throw new SpecException(problems);
        }
    }

    /// <summary>Copies the contents into <paramref name="tree"/>; returns Installed-Size in KiB.</summary>
    private long StageTree(PackageSpec spec, string tree)
    {
        Directory.CreateDirectory(tree);
        var explicitDirectories = spec.Contents.Where(e => e.Type == ContentType.Dir).ToDictionary(e => e.Destination, e => e.Mode);
        foreach (var entry in spec.Contents)
        {
            var target = tree + entry.Destination;
            // Parent directories are implied, 0755 root:root, as nfpm creates them.
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            switch (entry.Type)
            {
                case ContentType.Dir:
                    Directory.CreateDirectory(target);
                    break;
                case ContentType.Symlink:
                    File.CreateSymbolicLink(target, entry.Source!);
                    break;
                default:
                    File.Copy(Path.Combine(_root, entry.Source!), target);
                    File.SetUnixFileMode(target, entry.Mode);
                    break;
            }
        }
        // Directories get their mode last: the umask decided what CreateDirectory gave them.
        var directories = Directory.EnumerateDirectories(tree, "*", SearchOption.AllDirectories).Append(tree).ToList();
        foreach (var directory in directories)
        {
            var packagePath = directory == tree ? "/" : directory[tree.Length..];
            File.SetUnixFileMode(directory, explicitDirectories.GetValueOrDefault(packagePath, DirectoryMode));
        }
        var files = spec.Contents.Where(e => e.IsRegularFile).Select(e => new FileInfo(tree + e.Destination).Length);
        var links = spec.Contents.Count(e => e.Type == ContentType.Symlink);
        return InstalledSize.KiB(files, directories.Count - 1 + links);
    }

    private void StageControl(PackageSpec spec, string tree, long installedSize)
    {
        var control = Path.Combine(tree, "DEBIAN");
        Directory.CreateDirectory(control);
        File.SetUnixFileMode(control, DirectoryMode);
        Write(Path.Combine(control, "control"), ControlFile.Render(spec, installedSize), ControlMode);
        if (Conffiles.Render(spec) is { } conffiles)
        {
            Write(Path.Combine(control, "conffiles"), conffiles, ControlMode);
        }
        // Like dh_md5sums, conffiles are left out: dpkg records their hashes in its status file instead.
        var sums = spec.Contents
            .Where(e => e.IsRegularFile && !e.IsConffile)
            .Select(e => (e.Destination, Md5(tree + e.Destination)));
        Write(Path.Combine(control, "md5sums"), Md5Sums.Render(sums), ControlMode);
        foreach (var script in spec.Scripts)
        {
            var target = Path.Combine(control, script.DebianName);
            File.Copy(Path.Combine(_root, script.Source), target);
            File.SetUnixFileMode(target, ScriptMode);
        }
    }

    private static void Write(string path, string text, UnixFileMode mode)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, mode);
    }

    private static string Md5(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }

    private void SetMtime(string path)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            // .NET sets a link's target's time; touch -h sets the link's own, which is what the archive records.
            Tool.Run("touch", ["-h", "-d", $"@{_mtime.ToUnixTimeSeconds()}", path]);
            return;
        }
        if (Directory.Exists(path))
        {
            Directory.SetLastWriteTimeUtc(path, _mtime.UtcDateTime);
        }
        else
        {
            File.SetLastWriteTimeUtc(path, _mtime.UtcDateTime);
        }
    }
}
