using CliWrap;

namespace WgAgent.CliWrap.Tests;

/// <summary>The immutable builder: each With* returns a changed copy and leaves the original alone.</summary>
public class CommandTests
{
    [Fact]
    public void WithArguments_ReturnsCopy_OriginalUnchanged()
    {
        var original = Cli.Wrap("nft");

        var changed = original.WithArguments(["-f", "-"]);

        Assert.Empty(original.ArgumentList);
        Assert.Equal(["-f", "-"], changed.ArgumentList);
        Assert.Equal("nft", changed.TargetFilePath);
    }

    [Fact]
    public void Defaults_ValidationOnNoInputNoOverrides()
    {
        var command = Cli.Wrap("nft");

        Assert.Equal(CommandResultValidation.ZeroExitCode, command.Validation);
        Assert.Same(PipeSource.Null, command.StandardInputPipe);
        Assert.Empty(command.EnvironmentVariables);
        Assert.Null(command.WorkingDirPath);
    }

    [Theory]
    [InlineData(new[] { "-f", "-" }, "nft -f -")]
    [InlineData(new[] { "list", "table inet wgagent" }, "nft list 'table inet wgagent'")]
    [InlineData(new[] { "it's" }, "nft 'it'\\''s'")]
    [InlineData(new[] { "" }, "nft ''")]
    public void ToString_QuotesWhereNeeded(string[] arguments, string expected)
    {
        Assert.Equal(expected, Cli.Wrap("nft").WithArguments(arguments).ToString());
    }

    [Fact]
    public void WithEnvironmentVariables_CopiesTheDictionary()
    {
        var variables = new Dictionary<string, string?> { ["A"] = "1" };
        var command = Cli.Wrap("env").WithEnvironmentVariables(variables);

        variables["A"] = "2";

        Assert.Equal("1", command.EnvironmentVariables["A"]);
    }
}
