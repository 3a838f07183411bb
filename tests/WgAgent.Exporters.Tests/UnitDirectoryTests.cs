using WgAgent.Core.Exporters;

namespace WgAgent.Exporters.Tests;

public sealed class UnitDirectoryTests
{
    private const string Owned = GeneratedUnitMarker.Line + "\n[Unit]\n";

    [Fact]
    public void FindOwned_MixedDirectory_OnlyMarkedRegularFilesAtTopAndInDotD()
    {
        using var dir = new TempUnitDirectory();
        dir.Write("a.socket", Owned);
        dir.Write("b.service", "[Unit]\n");
        dir.Write("x.service.d/wgagent-exporter.conf", Owned);
        dir.Write("x.service.d/override.conf", "[Service]\n");
        dir.Write("deep.d/more/c.conf", Owned);
        dir.Write("notadropin/d.conf", Owned);
        dir.Write("marker-later.service", "[Unit]\n" + Owned);
        File.CreateSymbolicLink(dir.PathOf("link.socket"), dir.PathOf("a.socket"));
        Directory.CreateDirectory(dir.PathOf("sockets.target.wants"));
        File.CreateSymbolicLink(dir.PathOf("sockets.target.wants/a.socket"), dir.PathOf("a.socket"));

        var owned = dir.Units.FindOwned();

        Assert.Equal(["a.socket", "x.service.d/wgagent-exporter.conf"], owned.Select(f => f.RelativePath));
        Assert.Equal(Owned, owned[0].Content);
        Assert.Equal("x.service", owned[1].DropInOwner);
    }

    [Fact]
    public void FindOwned_MissingDirectory_Empty()
    {
        Assert.Empty(new UnitDirectory("/nonexistent/wgagent-test").FindOwned());
    }

    [Fact]
    public void WriteAtomically_NewDropIn_CreatesFolderAndWorldReadableFileWithoutTemporaries()
    {
        using var dir = new TempUnitDirectory();

        dir.Units.WriteAtomically("x.service.d/wgagent-exporter.conf", Owned);

        Assert.Equal(Owned, dir.Read("x.service.d/wgagent-exporter.conf"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(dir.PathOf("x.service.d/wgagent-exporter.conf")));
        Assert.Equal(["x.service.d", "x.service.d/wgagent-exporter.conf"], dir.Listing());
    }

    [Fact]
    public void WriteAtomically_ExistingFile_Replaced()
    {
        using var dir = new TempUnitDirectory();
        dir.Write("a.socket", "old");

        dir.Units.WriteAtomically("a.socket", Owned);

        Assert.Equal(Owned, dir.Read("a.socket"));
    }

    [Fact]
    public void Remove_LastDropIn_RemovesEmptyFolder()
    {
        using var dir = new TempUnitDirectory();
        dir.Write("x.service.d/wgagent-exporter.conf", Owned);

        Assert.True(dir.Units.Remove("x.service.d/wgagent-exporter.conf"));

        Assert.Empty(dir.Listing());
    }

    [Fact]
    public void Remove_DropInBesideOperatorsOverride_KeepsFolderAndOverride()
    {
        using var dir = new TempUnitDirectory();
        dir.Write("x.service.d/wgagent-exporter.conf", Owned);
        dir.Write("x.service.d/override.conf", "[Service]\n");

        dir.Units.Remove("x.service.d/wgagent-exporter.conf");

        Assert.Equal(["x.service.d", "x.service.d/override.conf"], dir.Listing());
    }

    [Fact]
    public void Remove_Missing_False()
    {
        using var dir = new TempUnitDirectory();

        Assert.False(dir.Units.Remove("a.socket"));
    }

    [Theory]
    [InlineData("../escape.socket")]
    [InlineData("/etc/systemd/system/a.socket")]
    [InlineData("a//b.conf")]
    [InlineData("x.d/./b.conf")]
    public void Full_PathLeavingTheDirectory_Throws(string path)
    {
        using var dir = new TempUnitDirectory();

        Assert.Throws<ArgumentException>(() => dir.Units.Full(path));
    }
}
