using System.Text.Json.Serialization;

namespace WgAgent.Core.Status;

/// <summary>
/// The source-generated serializer of the status API's documents (no reflection: the daemon is Native AOT and
/// agentctl trimmed). snake_case names, nulls written out (a missing field and a null one mean different things to a
/// reader of the schema), indented for <c>curl</c>, unknown fields skipped so an older agentctl reads a newer daemon.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(UtcTimestampJsonConverter)])]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(KillswitchDocument))]
public sealed partial class StatusJsonContext : JsonSerializerContext;
