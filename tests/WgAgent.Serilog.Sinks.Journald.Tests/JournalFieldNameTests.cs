using Serilog.Sinks.Journald;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

public sealed class JournalFieldNameTests
{
    [Theory]
    [InlineData("RequestId", "WGAGENT_REQUEST_ID")]
    [InlineData("SourceContext", "WGAGENT_SOURCE_CONTEXT")]
    [InlineData("wg0Address", "WGAGENT_WG0_ADDRESS")]
    [InlineData("HTTPServer", "WGAGENT_HTTP_SERVER")]
    [InlineData("listen_port", "WGAGENT_LISTEN_PORT")]
    [InlineData("a.b-c d", "WGAGENT_A_B_C_D")]
    [InlineData("__private__", "WGAGENT_PRIVATE")]
    [InlineData("Ünïcode", "WGAGENT_N_CODE")]
    [InlineData("Peer2", "WGAGENT_PEER2")]
    [InlineData("...", "WGAGENT_PROPERTY")]
    [InlineData("", "WGAGENT_PROPERTY")]
    public void FromProperty_Name_UpperSnakeWithPrefix(string property, string expected)
    {
        var name = JournalFieldName.FromProperty("WGAGENT_", property);

        Assert.Equal(expected, name);
        Assert.True(JournalFieldName.IsValid(name));
    }

    [Theory]
    [InlineData("9lives", "FIELD_9LIVES")]
    [InlineData("_x", "X")]
    public void FromProperty_EmptyPrefix_StillValid(string property, string expected)
    {
        var name = JournalFieldName.FromProperty(string.Empty, property);

        Assert.Equal(expected, name);
        Assert.True(JournalFieldName.IsValid(name));
    }

    [Fact]
    public void FromProperty_VeryLongName_CutTo64()
    {
        var name = JournalFieldName.FromProperty("WGAGENT_", new string('a', 100));

        Assert.Equal(64, name.Length);
        Assert.True(JournalFieldName.IsValid(name));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("WGAGENT_", true)]
    [InlineData("X", true)]
    [InlineData("_WGAGENT", false)]
    [InlineData("9X_", false)]
    [InlineData("wgagent_", false)]
    [InlineData("WG-AGENT_", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)]
    public void IsValidPrefix_Prefix_OnlyJournaldNameStarts(string prefix, bool expected)
    {
        Assert.Equal(expected, JournalFieldName.IsValidPrefix(prefix));
    }
}
