namespace WgAgent.Toml.Tests.Model;

public class TomlTableTests
{
    [Fact]
    public void Indexer_MissingKey_ThrowsKeyNotFound()
    {
        var table = TomlParser.ToModel("a = 1");

        Assert.Throws<KeyNotFoundException>(() => table["b"]);
        Assert.Throws<KeyNotFoundException>(() => table.GetKeySpan("b"));
        Assert.False(table.TryGetValue("b", out _));
        Assert.False(table.TryGetEntry("b", out _));
    }

    [Fact]
    public void ManyKeys_LookupsAfterIndexing_FindEveryKeyInOrder()
    {
        // More keys than the linear-scan threshold, so the dictionary index is exercised.
        var keys = Enumerable.Range(0, 50).Select(i => $"k{i:D2}").ToList();
        var table = TomlParser.ToModel(string.Join("\n", keys.Select((k, i) => $"{k} = {i}")));

        Assert.Equal(keys, table.Keys);
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.True(table.TryGetValue(keys[i], out var value));
            Assert.Equal((long)i, value);
            Assert.Equal(i + 1, table.GetKeySpan(keys[i]).Line);
        }
    }

    [Fact]
    public void ManyKeys_Duplicate_StillDetectedAfterIndexing()
    {
        var toml = string.Join("\n", Enumerable.Range(0, 20).Select(i => $"k{i} = {i}")) + "\nk3 = 0";

        var diagnostic = Assert.Single(TomlParser.Parse(toml).Diagnostics);

        Assert.Equal("duplicate key 'k3' (first defined at 4:1)", diagnostic.Message);
    }

    [Fact]
    public void Values_ScalarTypes_AreClrTypes()
    {
        var table = TomlParser.ToModel("s = 'x'\ni = 1\nf = 1.5\nb = true\nd = 1979-05-27\na = [1]\nt = {}\n[[aot]]");

        Assert.IsType<string>(table["s"]);
        Assert.IsType<long>(table["i"]);
        Assert.IsType<double>(table["f"]);
        Assert.IsType<bool>(table["b"]);
        Assert.IsType<TomlDateTime>(table["d"]);
        Assert.IsType<TomlArray>(table["a"]);
        Assert.IsType<TomlTable>(table["t"]);
        Assert.IsType<TomlTableArray>(table["aot"]);
        Assert.Equal(table.Keys, table.Select(pair => pair.Key));
    }

    [Fact]
    public void QuotedKeys_AreUnescaped()
    {
        var table = TomlParser.ToModel("\"a.b\" = 1\n'c\\d' = 2\n\"\\u00e9\" = 3\n\"\" = 4");

        Assert.Equal(["a.b", "c\\d", "é", ""], table.Keys);
    }
}
