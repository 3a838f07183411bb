using System.Formats.Tar;
using WgAgent.DebBuild.Building;
using WgAgent.DebBuild.Spec;
using WgAgent.Packaging.Tests.Support;

namespace WgAgent.Packaging.Tests.Building;

/// <summary>The builder on a tiny package in a temporary tree: fast, and free to use every content type.</summary>
public sealed class DebBuilderTests : IDisposable
{
    private const long Epoch = 1_700_000_000;

    private const string Spec = """
        name: tiny
        arch: all
        version: 1.0.0
        maintainer: Tiny Maintainers <tiny@example.org>
        description: |
          tiny test package
          Built by the builder's own tests.
        contents:
          - src: files/tool
            dst: /usr/bin/tiny
            file_info:
              mode: 0755
          - src: files/tiny.conf
            dst: /etc/tiny/tiny.conf
            type: config
            file_info:
              mode: 0640
          - dst: /var/lib/tiny
            type: dir
            file_info:
              mode: 0700
          - src: /usr/bin/tiny
            dst: /usr/sbin/tiny
            type: symlink
        scripts:
          postinstall: files/postinst
        deb:
          compression: xz
        """;

    private readonly DirectoryInfo _tree = Directory.CreateTempSubdirectory("wgagent-debbuilder-tests-");

    public DebBuilderTests()
    {
        Directory.CreateDirectory(Path.Combine(_tree.FullName, "files"));
        // Modes in the build tree that the package must not inherit.
        Write("files/tool", "#!/bin/sh\necho tiny\n", (UnixFileMode)0b110_000_000);
        Write("files/tiny.conf", "key = 1\n", (UnixFileMode)0b111_111_111);
        Write("files/postinst", "#!/bin/sh\nset -e\necho configured\n", (UnixFileMode)0b110_100_100);
    }

    public void Dispose() => _tree.Delete(recursive: true);

    [Fact]
    public async Task Build_TinySpec_ShipsEachEntryWithTheSpecsModeAndTheEpoch()
    {
        var deb = await DebArchive.OpenAsync(Build("a"));

        Assert.Equal((UnixFileMode)0b111_101_101, deb.Data["/usr/bin/tiny"].Mode);
        Assert.Equal((UnixFileMode)0b110_100_000, deb.Data["/etc/tiny/tiny.conf"].Mode);
        Assert.Equal((TarEntryType.Directory, (UnixFileMode)0b111_000_000), (deb.Data["/var/lib/tiny"].Type, deb.Data["/var/lib/tiny"].Mode));
        Assert.Equal((TarEntryType.SymbolicLink, "/usr/bin/tiny"), (deb.Data["/usr/sbin/tiny"].Type, deb.Data["/usr/sbin/tiny"].LinkTarget));
        Assert.Equal((UnixFileMode)0b111_101_101, deb.Data["/etc/tiny"].Mode); // implied parent
        Assert.All(deb.Data.Values, e => Assert.Equal((0, 0, DateTimeOffset.FromUnixTimeSeconds(Epoch)), (e.Owner.Id, e.Group.Id, e.Mtime)));
        Assert.Equal("/etc/tiny/tiny.conf\n", deb.Control["conffiles"].Text);
        Assert.Equal((UnixFileMode)0b111_101_101, deb.Control["postinst"].Mode);
        Assert.Equal("tiny test package\nBuilt by the builder's own tests.", deb.Fields["Description"]);
    }

    [Fact]
    public void Build_Twice_GivesTheSameBytes()
    {
        var first = File.ReadAllBytes(Build("a"));
        var second = File.ReadAllBytes(Build("b"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Build_MissingSourceAndScript_ReportsEachAtItsSpecLine()
    {
        File.Delete(Path.Combine(_tree.FullName, "files/tiny.conf"));
        File.WriteAllText(Path.Combine(_tree.FullName, "files/postinst"), "set -e\n");

        var error = Assert.Throws<SpecException>(() => Build("a"));

        Assert.Equal(
            [
                "nfpm.yaml:13:5: error: /etc/tiny/tiny.conf: source file files/tiny.conf does not exist",
                "nfpm.yaml:26:16: error: postinst: script files/postinst does not start with #!",
            ],
            error.Diagnostics.Select(d => d.ToString()));
        Assert.False(Directory.Exists(Path.Combine(_tree.FullName, "a")));
    }

    private string Build(string outDirectory)
    {
        var spec = SpecReader.Read(Spec, "nfpm.yaml", _ => null);
        return new DebBuilder(_tree.FullName, Epoch).Build(spec, Path.Combine(_tree.FullName, outDirectory));
    }

    private void Write(string relative, string text, UnixFileMode mode)
    {
        var path = Path.Combine(_tree.FullName, relative);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, mode);
    }
}
