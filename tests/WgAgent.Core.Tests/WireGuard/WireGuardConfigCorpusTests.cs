using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.WireGuard;

/// <summary>
/// Every <c>Corpus/NAME.conf</c> is read and its diagnostics, rendered as <c>agentctl config check</c>
/// prints them (hints included), must equal <c>Corpus/NAME.expected</c>; an empty expected file means a
/// clean read. Adding a case is adding two files.
/// </summary>
public sealed class WireGuardConfigCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "WireGuard", "Corpus");

    public static TheoryData<string> Cases()
    {
        var names = Directory.GetFiles(CorpusDirectory, "*.conf").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name!);
        }
        return data;
    }

    [Fact]
    public void Corpus_IsNotEmpty()
    {
        Assert.True(Cases().Count >= 5, $"expected corpus files in {CorpusDirectory}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusFile_MatchesExpectedDiagnostics(string name)
    {
        // Arrange
        var text = File.ReadAllText(Path.Combine(CorpusDirectory, name + ".conf"));
        var expected = File.ReadAllText(Path.Combine(CorpusDirectory, name + ".expected")).TrimEnd('\n');

        // Act
        var result = WireGuardConfigReader.Read(text, name + ".conf");

        // Assert
        var actual = string.Join("\n", result.Diagnostics.Select(d => d.Format(includeHint: true)));
        Assert.Equal(expected, actual);
        Assert.Equal(result.Diagnostics.Any(d => d.IsError), result.Config is null);
    }
}
