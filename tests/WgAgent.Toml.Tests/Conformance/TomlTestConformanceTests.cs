using System.Text.Json;
using TomlTestDecoder;

namespace WgAgent.Toml.Tests.Conformance;

/// <summary>
/// Every TOML 1.0.0 case of toml-test: valid documents must decode to the expected tagged JSON, invalid
/// ones must be rejected with at least one positioned diagnostic. A missing corpus fails, never skips.
/// </summary>
public class TomlTestConformanceTests
{
    public static TheoryData<string> ValidCases => TomlTestCorpus.TheoryData("valid");

    public static TheoryData<string> InvalidCases => TomlTestCorpus.TheoryData("invalid");

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Parse_ValidCase_MatchesExpectedJson(string name)
    {
        Assert.True(name != TomlTestCorpus.MissingCase, TomlTestCorpus.MissingMessage);
        var toml = TomlTestCorpus.ReadToml(name);

        var result = TomlParser.Parse(toml, name + ".toml");

        Assert.True(result.Success, $"{name} was rejected: {string.Join("; ", result.Diagnostics)}");
        Assert.Empty(result.Diagnostics);
        using var expected = JsonDocument.Parse(TomlTestCorpus.ReadExpectedJson(name));
        using var actual = JsonDocument.Parse(TaggedJson.ToJson(result.Document!), new JsonDocumentOptions { MaxDepth = 512 });
        var difference = TaggedJsonComparer.Compare(expected.RootElement, actual.RootElement);
        Assert.True(difference is null, $"{name}: {difference}");
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Parse_InvalidCase_RejectedWithPositionedDiagnostic(string name)
    {
        Assert.True(name != TomlTestCorpus.MissingCase, TomlTestCorpus.MissingMessage);
        var toml = TomlTestCorpus.ReadToml(name);

        var result = TomlParser.Parse(toml, name + ".toml");

        Assert.False(result.Success, $"{name} was accepted");
        Assert.Null(result.Document);
        Assert.NotEmpty(result.Diagnostics);
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.True(diagnostic.Line >= 1 && diagnostic.Column >= 1, $"{name}: bad position in {diagnostic}");
            Assert.InRange(diagnostic.Span.Start.Offset, 0, toml.Length);
            Assert.StartsWith($"{name}.toml:{diagnostic.Line}:{diagnostic.Column}: error: ", diagnostic.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain('\n', diagnostic.Message);
        }
    }

    [Fact]
    public void Corpus_Present_HasThe709Toml100Cases()
    {
        Assert.True(TomlTestCorpus.Exists, TomlTestCorpus.MissingMessage);

        Assert.Equal(210, TomlTestCorpus.Cases("valid").Count);
        Assert.Equal(499, TomlTestCorpus.Cases("invalid").Count);
    }

    [Fact]
    public void Parse_ValidCaseAsString_SameJsonAsFromBytes()
    {
        // The string overload encodes to UTF-8 and must agree with the byte path on every valid case.
        Assert.True(TomlTestCorpus.Exists, TomlTestCorpus.MissingMessage);
        foreach (var name in TomlTestCorpus.Cases("valid"))
        {
            var bytes = TomlTestCorpus.ReadToml(name);
            var text = new System.Text.UTF8Encoding(false, true).GetString(bytes);

            var fromBytes = TomlParser.ToModel(bytes);
            var fromString = TomlParser.ToModel(text);

            Assert.Equal(TaggedJson.ToJson(fromBytes), TaggedJson.ToJson(fromString));
        }
    }
}
