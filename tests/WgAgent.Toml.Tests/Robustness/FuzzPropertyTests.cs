using FsCheck.Xunit;

namespace WgAgent.Toml.Tests.Robustness;

/// <summary>Property tests (FsCheck): whatever the input, the parser keeps its contract.</summary>
public class FuzzPropertyTests
{
    [Property(MaxTest = 3000, Arbitrary = [typeof(FuzzArbitraries)])]
    public void Parse_AnyInput_ReturnsDocumentOrDiagnosticsWithinBound(FuzzInput input)
    {
        ParseInvariants.Check(input.Bytes);
    }

    [Property(MaxTest = 300)]
    public void Parse_ArbitraryBytes_ReturnsDocumentOrDiagnosticsWithinBound(byte[] bytes)
    {
        ParseInvariants.Check(bytes ?? []);
    }

    [Property(MaxTest = 300)]
    public void Parse_ArbitraryString_ReturnsDocumentOrDiagnostics(string text)
    {
        // The string overload adds UTF-16 to UTF-8 (unpaired surrogates included) in front of the same pipeline.
        var result = TomlParser.Parse(text ?? string.Empty);

        Assert.Equal(result.Success, result.Diagnostics.Count == 0);
        Assert.Equal(result.Success, result.Document is not null);
    }
}
