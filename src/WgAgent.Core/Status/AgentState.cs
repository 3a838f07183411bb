using System.Text.Json.Serialization;

namespace WgAgent.Core.Status;

/// <summary>The top-level verdict of <c>GET /v1/status</c> (<c>state</c>). Precedence: error, then starting, then
/// degraded; ok only when nothing is wrong.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentState>))]
public enum AgentState
{
    /// <summary>READY=1 was not sent yet (waiting for the tunnel or the exporters) and the kill switch is in place.</summary>
    [JsonStringEnumMemberName("starting")]
    Starting,

    /// <summary>Everything holds: the verified computed table is in the kernel, the tunnel is up, every exporter is
    /// bound, the config is loaded, and there is no problem.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>Protected by a table wgagent verified, but something is wrong (see <c>problems</c>).</summary>
    [JsonStringEnumMemberName("degraded")]
    Degraded,

    /// <summary>The kill switch is not what wgagent verified: the table is missing, differs, or cannot be read.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
