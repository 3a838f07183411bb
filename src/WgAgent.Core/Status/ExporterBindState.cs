using System.Text.Json.Serialization;

namespace WgAgent.Core.Status;

/// <summary>How an exporter's port is listened on (<c>exporters[].state</c>); the wire twin of
/// <see cref="Exporters.ExporterListenState"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExporterBindState>))]
public enum ExporterBindState
{
    /// <summary>Listening on every WireGuard address and on nothing else.</summary>
    [JsonStringEnumMemberName("bound")]
    Bound,

    /// <summary>Listening on some WireGuard addresses only (e.g. not yet on a new IPv6 one), and on nothing else.</summary>
    [JsonStringEnumMemberName("incomplete")]
    Incomplete,

    /// <summary>Nothing listens on the port.</summary>
    [JsonStringEnumMemberName("not-listening")]
    NotListening,

    /// <summary>Something listens on the port on another address, a wildcard included.</summary>
    [JsonStringEnumMemberName("exposed")]
    Exposed,
}
