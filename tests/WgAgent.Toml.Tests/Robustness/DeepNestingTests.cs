using System.Diagnostics;

namespace WgAgent.Toml.Tests.Robustness;

/// <summary>
/// Hostile nesting must end in a clear diagnostic, not a stack overflow (which no catch can stop) or a
/// long stall. Each test runs the parser on a thread with a deliberately small stack.
/// </summary>
public class DeepNestingTests
{
    private const int Huge = 100_000;

    [Fact]
    public void Parse_100kOpenBrackets_ReportsNestingLimit()
    {
        var toml = "a = " + new string('[', Huge);

        var result = ParseOnSmallStack(toml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains($"nested too deeply (more than {TomlParser.MaxDepth} levels)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("a = ".Length + TomlParser.MaxDepth + 1, diagnostic.Column); // the first bracket past the limit
    }

    [Fact]
    public void Parse_100kOpenBraces_ReportsNestingLimit()
    {
        var toml = "a = " + string.Concat(Enumerable.Repeat("{b=", Huge));

        var result = ParseOnSmallStack(toml);

        Assert.Contains("nested too deeply", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_100kBalancedBrackets_ReportsNestingLimitOnce()
    {
        var toml = "a = " + new string('[', Huge) + new string(']', Huge) + "\nb = 1\nb = 2";

        var result = ParseOnSmallStack(toml);

        // The nesting error, then recovery skips the balanced rest and still finds the duplicate.
        Assert.Equal([1, 3], result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Parse_ArraysAtTheLimit_Accepted()
    {
        var toml = "a = " + new string('[', TomlParser.MaxDepth) + new string(']', TomlParser.MaxDepth);

        var result = ParseOnSmallStack(toml);

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
    }

    [Fact]
    public void Parse_ArraysAtTheLimitInsideATable_ReportsDocumentDepth()
    {
        // The limit counts the whole path from the root: a table plus 128 arrays is one level too many.
        var toml = "[t]\na = " + new string('[', TomlParser.MaxDepth) + new string(']', TomlParser.MaxDepth);

        var result = ParseOnSmallStack(toml);

        Assert.Contains("document is nested too deeply", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_100kDottedKeySegments_ReportsDocumentDepth()
    {
        var toml = string.Join('.', Enumerable.Repeat("a", Huge)) + " = 1";

        var result = ParseOnSmallStack(toml);

        Assert.Contains("document is nested too deeply", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_100kHeaderSegments_ReportsDocumentDepth()
    {
        var toml = "[" + string.Join('.', Enumerable.Repeat("a", Huge)) + "]\nx = 1";

        var result = ParseOnSmallStack(toml);

        Assert.Contains("document is nested too deeply", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_100kInlineTablesInAnArray_AcceptedQuickly()
    {
        // Wide rather than deep: must be linear.
        var toml = "a = [" + string.Join(',', Enumerable.Repeat("{x = 1}", Huge)) + "]";

        var stopwatch = Stopwatch.StartNew();
        var result = ParseOnSmallStack(toml);

        Assert.True(result.Success);
        Assert.Equal(Huge, ((TomlArray)result.Document!["a"]).Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Parse_100kArrayOfTablesHeaders_AcceptedQuickly()
    {
        var toml = string.Concat(Enumerable.Repeat("[[a.b]]\nc = 1\n", Huge));

        var stopwatch = Stopwatch.StartNew();
        var result = ParseOnSmallStack(toml);

        Assert.True(result.Success);
        Assert.Equal(Huge, ((TomlTableArray)((TomlTable)result.Document!["a"])["b"]).Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Parse_OneMegabyteLine_ReportsOnceAndColumnIsCounted()
    {
        var toml = "a = [" + string.Join(',', Enumerable.Repeat("1", 500_000)) + " x]";

        var result = ParseOnSmallStack(toml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(toml.IndexOf('x', StringComparison.Ordinal) + 1, diagnostic.Column);
    }

    [Fact]
    public void Parse_DeepBracesOnATinyStack_ReportsStackLimitInsteadOfCrashing()
    {
        // 160 KiB is the runtime's stack reserve (128 KiB on 64-bit) plus room for a few levels only:
        // the stack guard, not MaxDepth, has to stop this one.
        var toml = "a = " + string.Concat(Enumerable.Repeat("{b=", Huge));

        var result = ParseOnSmallStack(toml, 160 * 1024);

        Assert.Contains("nested too deeply for this thread's stack", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// 1 MiB: below the 1.5 MiB of a .NET thread-pool thread and the 8 MiB of a main thread. (256 KiB was
    /// tried and overflowed once at ~100 levels when the parser ran as unoptimized tier-0 code.)
    /// </summary>
    private static TomlParseResult ParseOnSmallStack(string toml, int stackBytes = 1024 * 1024)
    {
        TomlParseResult? result = null;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = TomlParser.Parse(toml);
                }
                catch (Exception e)
                {
                    error = e;
                }
            },
            maxStackSize: stackBytes);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the parser did not finish within 60 s");
        Assert.Null(error);
        return result!;
    }
}
