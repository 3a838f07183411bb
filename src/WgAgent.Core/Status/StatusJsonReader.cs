using System.Text.Json;

namespace WgAgent.Core.Status;

/// <summary>
/// Reads the status API's documents from a <see cref="JsonDocument"/>, field by field, with the serializer's rules:
/// every non-nullable field must be present and not null, a nullable one may be null or missing, unknown fields are
/// skipped, enum values are the contract's spellings. Written by hand because agentctl reads one document per process:
/// the source-generated reader first builds its metadata (a type info per type, a converter per property, attribute
/// lookups by reflection), which took a millisecond of the ~5 ms `agentctl status` (bench/status.sh), ten times the read
/// itself. The daemon still writes with the generated serializer; the round-trip tests keep the two in step.
/// </summary>
internal static class StatusJsonReader
{
    /// <summary>Reads a status document.</summary>
    /// <exception cref="JsonException">Not JSON, or not a status document; the message names the field, e.g.
    /// <c>$.tunnel.peers[0].rx_bytes: expected an integer that fits UInt64, found string</c>.</exception>
    public static StatusDocument ReadStatus(string json) => Read(json, static root => new StatusDocument
    {
        State = root.Enum("state", AgentStates),
        Ready = root.Bool("ready"),
        Version = root.String("version"),
        GeneratedAt = root.Timestamp("generated_at"),
        StartedAt = root.OptionalTimestamp("started_at"),
        Tunnel = ReadTunnel(root.Object("tunnel")),
        Killswitch = ReadKillswitchStatus(root.Object("killswitch")),
        Exporters = root.Array("exporters", ReadExporter),
        Config = ReadConfig(root.Object("config")),
        Ordering = new OrderingStatus { Problems = root.Object("ordering").Strings("problems") },
        Problems = root.Array("problems", p => new StatusProblem(p.String("code"), p.String("message"), p.String("hint"))),
    });

    /// <summary>Reads a kill-switch document.</summary>
    /// <exception cref="JsonException">Not JSON, or not a kill-switch document.</exception>
    public static KillswitchDocument ReadKillswitch(string json) => Read(json, static root => new KillswitchDocument
    {
        State = root.Enum("state", KillswitchStates),
        Match = root.Bool("match"),
        AppliedAt = root.OptionalTimestamp("applied_at"),
        RulesetSha256 = root.OptionalString("ruleset_sha256"),
        AppliedRuleset = root.OptionalString("applied_ruleset"),
        ExpectedRuleset = root.OptionalString("expected_ruleset"),
        FirstDifference = root.OptionalString("first_difference"),
        Error = root.OptionalString("error"),
    });

    // The contract's spellings (docs/status-api.md), as the enums' JsonStringEnumMemberName attributes write them.
    private static readonly (string Name, AgentState Value)[] AgentStates =
        [("starting", AgentState.Starting), ("ok", AgentState.Ok), ("degraded", AgentState.Degraded), ("error", AgentState.Error)];

    private static readonly (string Name, KillswitchStatusState Value)[] KillswitchStates =
    [
        ("verified", KillswitchStatusState.Verified), ("fallback-last-good", KillswitchStatusState.FallbackLastGood),
        ("block-all", KillswitchStatusState.BlockAll), ("missing", KillswitchStatusState.Missing), ("error", KillswitchStatusState.Error),
    ];

    private static readonly (string Name, ExporterBindState Value)[] ExporterStates =
    [
        ("bound", ExporterBindState.Bound), ("incomplete", ExporterBindState.Incomplete), ("not-listening", ExporterBindState.NotListening),
        ("exposed", ExporterBindState.Exposed),
    ];

    private static T Read<T>(string json, Func<Fields, T> read)
    {
        using var document = JsonDocument.Parse(json);
        return read(Fields.Of(document.RootElement, "$"));
    }

    private static TunnelStatus ReadTunnel(Fields tunnel) => new()
    {
        Interface = tunnel.String("interface"),
        Present = tunnel.Bool("present"),
        Up = tunnel.Bool("up"),
        Phase = tunnel.String("phase"),
        Addresses = tunnel.Strings("addresses"),
        PublicKey = tunnel.OptionalString("public_key"),
        ListenPort = tunnel.OptionalNumber("listen_port", static (JsonElement e, out int v) => e.TryGetInt32(out v)),
        Fwmark = tunnel.OptionalNumber("fwmark", static (JsonElement e, out uint v) => e.TryGetUInt32(out v)),
        Peers = tunnel.Array("peers", peer => new PeerStatus
        {
            PublicKey = peer.String("public_key"),
            Endpoint = peer.OptionalString("endpoint"),
            AllowedIps = peer.Strings("allowed_ips"),
            LatestHandshake = peer.OptionalTimestamp("latest_handshake"),
            LatestHandshakeAgeSeconds = peer.OptionalNumber("latest_handshake_age_seconds", static (JsonElement e, out long v) => e.TryGetInt64(out v)),
            RxBytes = peer.Number("rx_bytes", static (JsonElement e, out ulong v) => e.TryGetUInt64(out v)),
            TxBytes = peer.Number("tx_bytes", static (JsonElement e, out ulong v) => e.TryGetUInt64(out v)),
            PersistentKeepaliveSeconds = peer.OptionalNumber("persistent_keepalive_seconds", static (JsonElement e, out int v) => e.TryGetInt32(out v)),
        }),
        Error = tunnel.OptionalString("error"),
    };

    private static KillswitchStatus ReadKillswitchStatus(Fields killswitch)
    {
        var drops = new Dictionary<string, DropCounter>(StringComparer.Ordinal);
        var counters = killswitch.Object("drops");
        foreach (var counter in counters.Element.EnumerateObject())
        {
            var fields = Fields.Of(counter.Value, $"{counters.Path}.{counter.Name}");
            drops[counter.Name] = new DropCounter(
                fields.Number("packets", static (JsonElement e, out ulong v) => e.TryGetUInt64(out v)),
                fields.Number("bytes", static (JsonElement e, out ulong v) => e.TryGetUInt64(out v)));
        }

        return new KillswitchStatus
        {
            State = killswitch.Enum("state", KillswitchStates),
            Match = killswitch.Bool("match"),
            Posture = killswitch.String("posture"),
            AppliedAt = killswitch.OptionalTimestamp("applied_at"),
            RulesetSha256 = killswitch.OptionalString("ruleset_sha256"),
            Repairs = killswitch.Number("repairs", static (JsonElement e, out long v) => e.TryGetInt64(out v)),
            Drops = drops,
            Error = killswitch.OptionalString("error"),
        };
    }

    private static ExporterStatus ReadExporter(Fields exporter) => new()
    {
        Name = exporter.String("name"),
        Unit = exporter.String("unit"),
        Port = exporter.Number("port", static (JsonElement e, out int v) => e.TryGetInt32(out v)),
        ExpectedAddresses = exporter.Strings("expected_addresses"),
        ActualAddresses = exporter.Strings("actual_addresses"),
        State = exporter.Enum("state", ExporterStates),
        UnitState = exporter.OptionalString("unit_state"),
    };

    private static ConfigStatus ReadConfig(Fields config) => new()
    {
        Path = config.String("path"),
        LoadedAt = config.OptionalTimestamp("loaded_at"),
        Error = config.OptionalString("error"),
        Diagnostics = config.Strings("diagnostics"),
    };

    private delegate bool NumberReader<T>(JsonElement element, out T value);

    /// <summary>One JSON object and where it is in the document (for the messages).</summary>
    private readonly record struct Fields(JsonElement Element, string Path)
    {
        public static Fields Of(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Object ? new Fields(element, path) : throw Expected(path, "an object", element);

        public Fields Object(string name) => Of(Required(name), Field(name));

        public string String(string name) => Required(name) is { ValueKind: JsonValueKind.String } e ? e.GetString()! : throw Expected(Field(name), "a string", Required(name));

        public string? OptionalString(string name) => Optional(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } e => e.GetString(),
            var other => throw Expected(Field(name), "a string or null", other.Value),
        };

        public bool Bool(string name) => Required(name).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Expected(Field(name), "true or false", Required(name)),
        };

        public T Number<T>(string name, NumberReader<T> read)
            where T : struct =>
            Required(name) is { ValueKind: JsonValueKind.Number } e && read(e, out var value) ? value : throw Expected(Field(name), $"an integer that fits {typeof(T).Name}", Required(name));

        public T? OptionalNumber<T>(string name, NumberReader<T> read)
            where T : struct =>
            Optional(name) switch
            {
                null => null,
                { ValueKind: JsonValueKind.Number } e when read(e, out var value) => value,
                var other => throw Expected(Field(name), $"an integer that fits {typeof(T).Name}, or null", other.Value),
            };

        public DateTimeOffset Timestamp(string name) =>
            UtcTimestampJsonConverter.TryParse(String(name), out var value) ? value : throw Expected(Field(name), "an ISO 8601 timestamp", Required(name));

        public DateTimeOffset? OptionalTimestamp(string name) => OptionalString(name) switch
        {
            null => null,
            var text when UtcTimestampJsonConverter.TryParse(text, out var value) => value,
            _ => throw Expected(Field(name), "an ISO 8601 timestamp or null", Required(name)),
        };

        public TEnum Enum<TEnum>(string name, (string Name, TEnum Value)[] names)
            where TEnum : struct
        {
            var text = String(name);
            foreach (var (spelling, value) in names)
            {
                if (spelling == text)
                {
                    return value;
                }
            }

            throw new JsonException($"{Field(name)}: \"{text}\" is not one of {string.Join(", ", names.Select(n => n.Name))}");
        }

        public IReadOnlyList<T> Array<T>(string name, Func<Fields, T> read)
        {
            var array = Required(name);
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw Expected(Field(name), "an array", array);
            }

            var items = new List<T>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray())
            {
                items.Add(read(Of(item, $"{Field(name)}[{items.Count}]")));
            }

            return items;
        }

        public IReadOnlyList<string> Strings(string name)
        {
            var array = Required(name);
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw Expected(Field(name), "an array of strings", array);
            }

            var items = new List<string>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray())
            {
                items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Expected($"{Field(name)}[{items.Count}]", "a string", item));
            }

            return items;
        }

        private JsonElement Required(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value
                : throw new JsonException($"{Field(name)}: missing or null, but required");

        private JsonElement? Optional(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        private string Field(string name) => $"{Path}.{name}";

        private static JsonException Expected(string path, string what, JsonElement found) =>
            new($"{path}: expected {what}, found {found.ValueKind.ToString().ToLowerInvariant()}");
    }
}
