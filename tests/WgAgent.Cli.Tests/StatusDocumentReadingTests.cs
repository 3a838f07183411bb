using WgAgent.Core.Status;

namespace WgAgent.Cli.Tests;

/// <summary>
/// agentctl reads the daemon's documents with StatusJson's hand-written reader while the daemon writes them with the
/// generated serializer: every enum value the daemon can write reads back, and a document that is not one is refused
/// with the field it stumbled on.
/// </summary>
public sealed class StatusDocumentReadingTests
{
    private static readonly string Golden = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "WgAgent.Core.Tests", "Status", "Golden", "status.degraded.json"));

    public static TheoryData<AgentState> AgentStates => [.. Enum.GetValues<AgentState>()];

    public static TheoryData<KillswitchStatusState> KillswitchStates => [.. Enum.GetValues<KillswitchStatusState>()];

    public static TheoryData<ExporterBindState> ExporterStates => [.. Enum.GetValues<ExporterBindState>()];

    [Theory]
    [MemberData(nameof(AgentStates))]
    public void Deserialize_EveryAgentState_ReadsBack(AgentState state)
    {
        var document = StatusJson.Deserialize(Golden) with { State = state };

        Assert.Equal(state, StatusJson.Deserialize(StatusJson.Serialize(document)).State);
    }

    [Theory]
    [MemberData(nameof(KillswitchStates))]
    public void Deserialize_EveryKillswitchState_ReadsBack(KillswitchStatusState state)
    {
        var document = StatusJson.Deserialize(Golden);
        document = document with { Killswitch = document.Killswitch with { State = state } };
        var killswitch = new KillswitchDocument { State = state, Match = false };

        Assert.Equal(state, StatusJson.Deserialize(StatusJson.Serialize(document)).Killswitch.State);
        Assert.Equal(killswitch, StatusJson.DeserializeKillswitch(StatusJson.Serialize(killswitch)));
    }

    [Theory]
    [MemberData(nameof(ExporterStates))]
    public void Deserialize_EveryExporterState_ReadsBack(ExporterBindState state)
    {
        var document = StatusJson.Deserialize(Golden);
        document = document with { Exporters = [document.Exporters[0] with { State = state }] };

        Assert.Equal(state, StatusJson.Deserialize(StatusJson.Serialize(document)).Exporters[0].State);
    }

    [Fact]
    public void Deserialize_GoldenFile_WritesBackTheSameText()
    {
        Assert.Equal(Golden, StatusJson.Serialize(StatusJson.Deserialize(Golden)));
    }

    [Theory]
    [InlineData("\"rx_bytes\": ", "\"rx_bytes\": \"12\", \"was\": ", "$.tunnel.peers[0].rx_bytes: expected an integer")]
    [InlineData("\"rx_bytes\": ", "\"rx_bytes\": -1, \"was\": ", "$.tunnel.peers[0].rx_bytes: expected an integer")]
    [InlineData("\"present\": true", "\"present\": 1", "$.tunnel.present: expected true or false, found number")]
    [InlineData("\"state\": \"degraded\"", "\"state\": \"fine\"", "$.state: \"fine\" is not one of starting, ok, degraded, error")]
    [InlineData("\"generated_at\": \"", "\"generated_at\": \"yesterday\", \"was\": \"", "$.generated_at: expected an ISO 8601 timestamp")]
    [InlineData("\"posture\": ", "\"posture\": null, \"was\": ", "$.killswitch.posture: missing or null, but required")]
    [InlineData("\"diagnostics\": [", "\"diagnostics\": [1, ", "$.config.diagnostics[0]: expected a string, found number")]
    public void TryDeserialize_WrongField_FalseNamingIt(string find, string replace, string expected)
    {
        var json = ReplaceFirst(Golden, find, replace);

        Assert.False(StatusJson.TryDeserialize(json, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDeserialize_NullableFieldMissing_ReadAsNull()
    {
        var json = ReplaceFirst(Golden, "\"started_at\":", "\"started_at_renamed\":");

        Assert.True(StatusJson.TryDeserialize(json, out var document, out var error), error);
        Assert.Null(document.StartedAt);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the golden file");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
