using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.WireGuard;
using WgAgent.Firewall.Tests.Support;

namespace WgAgent.Firewall.Tests.Decision;

/// <summary>Builds <see cref="FailClosedInputs"/> from texts, as the host would after reading the files.</summary>
internal static class DecisionInputs
{
    public const string AgentPath = "/etc/wgagent.toml";
    public const string TunnelPath = "/etc/wireguard/wg0.conf";
    public const string LastGoodPath = "/var/lib/wgagent/last-good.nft";

    public static readonly DateTimeOffset SavedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static FailClosedInputs From(string? agent = null, string? tunnel = null, string? lastGood = null,
        string? agentReadError = null, string? tunnelReadError = null, string? lastGoodReadError = null)
    {
        var config = agentReadError is null ? AgentConfigReader.Read(Encoding.UTF8.GetBytes(agent ?? TestConfigs.Agent(TunnelPath)), AgentPath) : null;
        return new FailClosedInputs
        {
            ConfigPath = AgentPath,
            Config = config,
            ConfigReadError = agentReadError,
            Tunnel = tunnelReadError is null && config is not null
                ? WireGuardConfigReader.Read(tunnel ?? TestConfigs.Tunnel(), config.WireGuardConfigPath)
                : null,
            TunnelReadError = tunnelReadError,
            LastGoodPath = LastGoodPath,
            LastGood = lastGood is null ? null : new LastGoodRuleset(lastGood, SavedAt),
            LastGoodReadError = lastGoodReadError,
        };
    }
}
