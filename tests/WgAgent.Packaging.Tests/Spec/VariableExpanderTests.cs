using WgAgent.DebBuild.Spec;

namespace WgAgent.Packaging.Tests.Spec;

public class VariableExpanderTests
{
    private static readonly VariableExpander Expander =
        new(name => name switch { "ARCH" => "amd64", "EMPTY" => "", _ => null });

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("${ARCH}", "amd64")]
    [InlineData("out/linux-${ARCH}/bin", "out/linux-amd64/bin")]
    [InlineData("${ARCH}${ARCH}", "amd64amd64")]
    [InlineData("x${EMPTY}y", "xy")]
    public void TryExpand_SetVariables_AreReplaced(string text, string expected)
    {
        var ok = Expander.TryExpand(text, out var expanded, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, expanded);
    }

    [Theory]
    [InlineData("${NOPE}", "variable ${NOPE} is not set (pass --var NOPE=VALUE or set it in the environment)")]
    [InlineData("a-${ARCH}-${NOPE}", "variable ${NOPE} is not set (pass --var NOPE=VALUE or set it in the environment)")]
    [InlineData("$ARCH", "'$' at offset 0 does not start a ${NAME} variable")]
    [InlineData("cost: 5$", "'$' at offset 7 does not start a ${NAME} variable")]
    [InlineData("${ARCH", "'$' at offset 0 does not start a ${NAME} variable")]
    [InlineData("${1X}", "'$' at offset 0 does not start a ${NAME} variable")]
    [InlineData("${}", "'$' at offset 0 does not start a ${NAME} variable")]
    public void TryExpand_UnsetOrMalformed_FailsWithReason(string text, string expectedStart)
    {
        var ok = Expander.TryExpand(text, out _, out var error);

        Assert.False(ok);
        Assert.StartsWith(expectedStart, error);
    }
}
