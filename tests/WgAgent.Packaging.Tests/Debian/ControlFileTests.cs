using WgAgent.DebBuild.Debian;
using WgAgent.DebBuild.Spec;

namespace WgAgent.Packaging.Tests.Debian;

public class ControlFileTests
{
    // Every field the renderer writes, and a description with an empty line and an indented (verbatim) line.
    private const string FullSpec = """
        name: demo
        arch: amd64
        version: 2.0.1
        section: net
        priority: optional
        maintainer: Demo Maintainers <demo@example.org>
        homepage: https://example.org/demo
        description: |
          demo synopsis
          First paragraph of the extended description.

          Second paragraph, with a verbatim line:
            demo --flag
        vendor: Demo
        license: MIT
        depends:
          - libc6 (>= 2.34)
          - nftables
        recommends:
          - curl
        conflicts:
          - old-demo
        provides:
          - demo-agent
        """;

    [Fact]
    public void Render_FullSpec_MatchesGolden()
    {
        var spec = SpecReader.Read(FullSpec, "nfpm.yaml", _ => null);

        var control = ControlFile.Render(spec, installedSizeKiB: 1234);

        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Debian", "Golden", "control")), control);
    }

    [Fact]
    public void Render_SynopsisOnly_WritesNoContinuationLines()
    {
        const string yaml = "name: demo\narch: all\nversion: 1.0.0\nmaintainer: D <d@example.org>\ndescription: just a synopsis\n";
        var spec = SpecReader.Read(yaml, "nfpm.yaml", _ => null);

        var control = ControlFile.Render(spec, 1);

        Assert.EndsWith("Description: just a synopsis\n", control);
    }

    [Fact]
    public void Conffiles_NoConfigEntries_IsNull()
    {
        var spec = SpecReader.Read(FullSpec, "nfpm.yaml", _ => null);

        Assert.Null(Conffiles.Render(spec));
    }

    [Fact]
    public void Md5Sums_AnyOrder_IsSortedByPathWithoutLeadingSlash()
    {
        var text = Md5Sums.Render([("/usr/sbin/b", "bb"), ("/etc/a", "aa"), ("/usr/bin/c", "cc")]);

        Assert.Equal("aa  etc/a\ncc  usr/bin/c\nbb  usr/sbin/b\n", text);
    }

    [Theory]
    [InlineData(new long[] { }, 0, 0)]
    [InlineData(new long[] { 0 }, 0, 0)]
    [InlineData(new long[] { 1 }, 0, 1)]
    [InlineData(new long[] { 1024 }, 0, 1)]
    [InlineData(new long[] { 1025, 2048 }, 3, 7)]
    public void InstalledSize_RoundsEachFileUpAndCountsOtherEntries(long[] sizes, int others, long expected)
    {
        Assert.Equal(expected, InstalledSize.KiB(sizes, others));
    }
}
