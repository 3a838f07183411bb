using WgAgent.Core.Firewall;

namespace WgAgent.Core.Tests.Firewall;

public sealed class NftRulesetGoldenTests
{
    public static TheoryData<string> PostureNames() => [.. Posture.All.Select(p => p.Name)];

    public static TheoryData<string> EdgeNames() => [.. EdgeCases.All.Keys];

    [Theory]
    [MemberData(nameof(PostureNames))]
    public void RenderTable_Posture_EqualsGoldenFile(string name)
    {
        var posture = Posture.All.Single(p => p.Name == name);

        var rendered = posture.Input.Render();

        GoldenFiles.Verify(name, rendered);
    }

    [Theory]
    [MemberData(nameof(EdgeNames))]
    public void RenderTable_EdgeCase_EqualsGoldenFile(string name)
    {
        var rendered = EdgeCases.All[name]().Render();

        GoldenFiles.Verify(name, rendered);
    }

    [Fact]
    public void BlockAllTable_Always_EqualsGoldenFile()
    {
        GoldenFiles.Verify(EdgeCases.BlockAll, NftRuleset.BlockAllTable);
    }

    [Fact]
    public void GoldenDirectory_EveryFile_BelongsToACase()
    {
        var known = Posture.All.Select(p => p.Name).Concat(EdgeCases.All.Keys).Append(EdgeCases.BlockAll).ToHashSet();

        var orphans = System.IO.Directory.EnumerateFiles(GoldenFiles.Directory, "*.nft")
            .Select(Path.GetFileNameWithoutExtension).Where(n => !known.Contains(n!)).ToList();

        Assert.True(orphans.Count == 0, $"golden files without a test case (delete them): {string.Join(", ", orphans)}");
    }
}
