using System.Text.Json;
using WgAgent.Core.Status;
using static WgAgent.Core.Tests.Status.StatusFixtures;

namespace WgAgent.Core.Tests.Status;

public sealed class StatusJsonTests
{
    [Fact]
    public void Serialize_Healthy_EqualsGoldenFile()
    {
        StatusGoldenFiles.Verify("status.ok.json", StatusJson.Serialize(StatusComposer.Compose(Healthy)));
    }

    [Fact]
    public void Serialize_Degraded_EqualsGoldenFile()
    {
        StatusGoldenFiles.Verify("status.degraded.json", StatusJson.Serialize(StatusComposer.Compose(Degraded)));
    }

    [Fact]
    public void Serialize_Killswitch_EqualsGoldenFile()
    {
        StatusGoldenFiles.Verify("killswitch.json", StatusJson.Serialize(StatusComposer.ComposeKillswitch(Healthy)));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("degraded")]
    [InlineData("missing")]
    public void Deserialize_WhatSerializeWrote_SameDocument(string which)
    {
        var inputs = which switch { "ok" => Healthy, "degraded" => Degraded, _ => Healthy with { KernelTable = null, Dump = null, Exporters = null } };
        var document = StatusComposer.Compose(inputs);
        var json = StatusJson.Serialize(document);

        var read = StatusJson.Deserialize(json);

        Assert.Equal(json, StatusJson.Serialize(read));
        Assert.Equal((document.State, document.GeneratedAt, document.Problems.Count), (read.State, read.GeneratedAt, read.Problems.Count));
        Assert.Equal(document.Problems, read.Problems);
        Assert.Equal(document.Tunnel.Peers.Select(p => p.LatestHandshake), read.Tunnel.Peers.Select(p => p.LatestHandshake));
    }

    [Fact]
    public void DeserializeKillswitch_WhatSerializeWrote_SameDocument()
    {
        var document = StatusComposer.ComposeKillswitch(Healthy with { KernelTable = "table inet wgagent {\n}\n" });
        var json = StatusJson.Serialize(document);

        var read = StatusJson.DeserializeKillswitch(json);

        Assert.Equal(document, read);
    }

    [Fact]
    public void Serialize_TopLevel_ExactlyTheContractFields()
    {
        using var json = JsonDocument.Parse(StatusJson.Serialize(StatusComposer.Compose(Healthy)));
        var root = json.RootElement;

        Assert.Equal(["state", "ready", "version", "generated_at", "started_at", "tunnel", "killswitch", "exporters", "config", "ordering", "problems"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["interface", "present", "up", "phase", "addresses", "public_key", "listen_port", "fwmark", "peers", "error"],
            root.GetProperty("tunnel").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["public_key", "endpoint", "allowed_ips", "latest_handshake", "latest_handshake_age_seconds", "rx_bytes", "tx_bytes", "persistent_keepalive_seconds"],
            root.GetProperty("tunnel").GetProperty("peers")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["state", "match", "posture", "applied_at", "ruleset_sha256", "repairs", "drops", "error"],
            root.GetProperty("killswitch").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "unit", "port", "expected_addresses", "actual_addresses", "state", "unit_state"],
            root.GetProperty("exporters")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["path", "loaded_at", "error", "diagnostics"], root.GetProperty("config").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_Values_ContractSpellings()
    {
        using var json = JsonDocument.Parse(StatusJson.Serialize(StatusComposer.Compose(Degraded with { ExpectedKind = KillswitchTableKind.LastGood })));
        var root = json.RootElement;

        Assert.Equal("degraded", root.GetProperty("state").GetString());
        Assert.Equal("fallback-last-good", root.GetProperty("killswitch").GetProperty("state").GetString());
        Assert.Equal("exposed", root.GetProperty("exporters")[0].GetProperty("state").GetString());
        Assert.Equal("2025-05-04T10:42:07Z", root.GetProperty("generated_at").GetString());
        Assert.Equal("2025-05-04T10:40:20Z", root.GetProperty("tunnel").GetProperty("peers")[0].GetProperty("latest_handshake").GetString());
        Assert.Equal(12ul, root.GetProperty("killswitch").GetProperty("drops").GetProperty("dropped_input").GetProperty("packets").GetUInt64());
    }

    [Fact]
    public void Serialize_NeverHandshaked_NullNotMissing()
    {
        var document = StatusComposer.Compose(Healthy with { Dump = new() { Peers = [new() { PublicKey = StrangerPeer.PublicKey }] } });

        using var json = JsonDocument.Parse(StatusJson.Serialize(document));
        var peer = json.RootElement.GetProperty("tunnel").GetProperty("peers")[0];

        Assert.Equal(JsonValueKind.Null, peer.GetProperty("latest_handshake").ValueKind);
        Assert.Equal(JsonValueKind.Null, peer.GetProperty("latest_handshake_age_seconds").ValueKind);
    }

    [Fact]
    public void Deserialize_UnknownField_Ignored()
    {
        var json = StatusJson.Serialize(StatusComposer.Compose(Healthy)).Replace("\"state\": \"ok\",", "\"state\": \"ok\",\n  \"added_later\": {\"x\": 1},", StringComparison.Ordinal);

        Assert.Equal(AgentState.Ok, StatusJson.Deserialize(json).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"state\": \"fine\"}")]
    [InlineData("<html>")]
    public void TryDeserialize_NotAStatus_FalseWithReason(string json)
    {
        Assert.False(StatusJson.TryDeserialize(json, out var document, out var error));
        Assert.Null(document);
        Assert.StartsWith("reading the status: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDeserialize_RequiredStringNull_False()
    {
        var json = StatusJson.Serialize(StatusComposer.Compose(Healthy)).Replace("\"version\": \"1.2.3\"", "\"version\": null", StringComparison.Ordinal);

        Assert.False(StatusJson.TryDeserialize(json, out _, out _));
    }
}
