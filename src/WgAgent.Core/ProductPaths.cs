namespace WgAgent.Core;

/// <summary>
/// The names and default paths of the product contract (shared/PRODUCT.md), in one place so the
/// daemon, the CLI and the packaging agree on them.
/// </summary>
public static class ProductPaths
{
    /// <summary>The agent's own configuration file (a dpkg conffile).</summary>
    public const string ConfigFile = "/etc/wgagent.toml";

    /// <summary>The WireGuard interface wgagent guards unless the config names another.</summary>
    public const string DefaultInterface = "wg0";

    /// <summary>The wg-quick configuration read for Address, FwMark, ListenPort and peer endpoints.</summary>
    public const string WireGuardConfigFile = "/etc/wireguard/wg0.conf";

    /// <summary>The status API: HTTP/1.1 over this Unix socket.</summary>
    public const string StatusSocket = "/run/wgagent/agent.sock";

    /// <summary>The only nftables table wgagent ever touches (family and name).</summary>
    public const string NftTable = "inet wgagent";
}
