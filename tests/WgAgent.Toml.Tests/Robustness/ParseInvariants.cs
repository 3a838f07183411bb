using TomlTestDecoder;

namespace WgAgent.Toml.Tests.Robustness;

/// <summary>
/// What must hold for any input at all: the parser returns (in bounded time) either a document and no
/// diagnostics, or no document and well-formed diagnostics; it throws nothing; it is deterministic.
/// </summary>
internal static class ParseInvariants
{
    /// <summary>Generous for CI machines: typical inputs here parse in well under a millisecond.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static void Check(byte[] input)
    {
        var task = Task.Run(() => TomlParser.Parse(input, "fuzz.toml"));
        Assert.True(task.Wait(Bound), $"parse did not finish within {Bound}");
        var result = task.Result; // rethrows anything the parser threw, failing the property

        if (result.Success)
        {
            Assert.Empty(result.Diagnostics);
            // A successful document must be fully walkable (toml-test's JSON form visits every value).
            Assert.NotNull(TaggedJson.ToJson(result.Document!));
        }
        else
        {
            Assert.Null(result.Document);
            Assert.NotEmpty(result.Diagnostics);
            Assert.InRange(result.Diagnostics.Count, 1, 101);
            foreach (var d in result.Diagnostics)
            {
                Assert.True(d.Line >= 1 && d.Column >= 1, $"bad position {d}");
                Assert.InRange(d.Span.Start.Offset, 0, input.Length);
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
                Assert.True(d.Message.IndexOfAny(['\n', '\r']) < 0, $"multi-line message: {d.Message}");
                Assert.StartsWith($"fuzz.toml:{d.Line}:{d.Column}: error: ", d.ToString(), StringComparison.Ordinal);
            }
        }

        var again = TomlParser.Parse(input, "fuzz.toml");
        Assert.Equal(result.Diagnostics.Select(d => d.ToString()), again.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(result.Success, TomlParser.TryParse(input, "fuzz.toml", out _, out _));
    }
}
