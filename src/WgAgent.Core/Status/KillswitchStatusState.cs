using System.Text.Json.Serialization;

namespace WgAgent.Core.Status;

/// <summary>What table <c>inet wgagent</c> is in the kernel (<c>killswitch.state</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KillswitchStatusState>))]
public enum KillswitchStatusState
{
    /// <summary>The kernel holds the table computed from the config in force.</summary>
    [JsonStringEnumMemberName("verified")]
    Verified,

    /// <summary>The kernel holds the last verified table (<c>last-good.nft</c>): no table could be computed.</summary>
    [JsonStringEnumMemberName("fallback-last-good")]
    FallbackLastGood,

    /// <summary>The kernel holds the block-all table (loopback only): nothing better was available.</summary>
    [JsonStringEnumMemberName("block-all")]
    BlockAll,

    /// <summary>The kernel holds no table <c>inet wgagent</c>: nothing is filtered.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>The table in the kernel is not the one wgagent verified, or it could not be read.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
