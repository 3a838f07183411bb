namespace WgAgent.Firewall.Tests.Decision;

/// <summary>last-good.nft: where it lives, atomic writes, no rewrite when unchanged.</summary>
public class LastGoodStoreTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("wgk-fwt-store-");

    public void Dispose() => root.Delete(recursive: true);

    [Theory]
    [InlineData("/opt/state", "/var/lib/a:/var/lib/b", "/opt/state")]
    [InlineData(null, "/var/lib/a:/var/lib/b", "/var/lib/a")]
    [InlineData(null, "/var/lib/wgagent", "/var/lib/wgagent")]
    [InlineData(null, "", "/var/lib/wgagent")]
    [InlineData(null, null, "/var/lib/wgagent")]
    [InlineData("", ":/var/lib/b", "/var/lib/b")]
    public void ResolveDirectory_OptionThenFirstStateDirectoryThenDefault(string? option, string? variable, string expected)
    {
        Assert.Equal(expected, LastGoodStore.ResolveDirectory(option, variable));
    }

    [Fact]
    public void TryRead_NoFileNoDirectory_Null()
    {
        Assert.Null(new LastGoodStore(Path.Combine(root.FullName, "missing")).TryRead());
    }

    [Fact]
    public void SaveIfChanged_NewThenSame_WritesOnceAndLeavesNoTempFile()
    {
        var store = new LastGoodStore(Path.Combine(root.FullName, "state"));

        var first = store.SaveIfChanged("table inet wgagent {\n}\n");
        var time = File.GetLastWriteTimeUtc(store.FilePath);
        var second = store.SaveIfChanged("table inet wgagent {\n}\n");

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(time, File.GetLastWriteTimeUtc(store.FilePath));
        Assert.Equal([store.FilePath], Directory.GetFiles(store.Directory));
        var read = store.TryRead()!;
        Assert.Equal("table inet wgagent {\n}\n", read.Table);
        Assert.Equal(time, read.SavedAt.UtcDateTime);
    }

    [Fact]
    public void SaveIfChanged_Different_ReplacesTheFile()
    {
        var store = new LastGoodStore(root.FullName);
        store.SaveIfChanged("old\n");

        Assert.True(store.SaveIfChanged("new\n"));

        Assert.Equal("new\n", File.ReadAllText(store.FilePath));
        Assert.Single(Directory.GetFiles(root.FullName));
    }

    [Fact]
    public void SaveIfChanged_DirectoryIsAFile_ThrowsIOExceptionAndLeavesNothing()
    {
        var blocker = Path.Combine(root.FullName, "file");
        File.WriteAllText(blocker, "");

        Assert.ThrowsAny<IOException>(() => new LastGoodStore(blocker).SaveIfChanged("x"));
        Assert.Equal([blocker], Directory.GetFiles(root.FullName));
    }

    [Fact]
    public void TryRead_NotUtf8_ThrowsIOException()
    {
        var store = new LastGoodStore(root.FullName);
        File.WriteAllBytes(store.FilePath, [0xff, 0xfe, 0x00]);

        Assert.ThrowsAny<IOException>(() => store.TryRead());
    }
}
