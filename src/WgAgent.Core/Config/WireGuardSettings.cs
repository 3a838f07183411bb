using WgAgent.Core.Net;

namespace WgAgent.Core.Config;

/// <summary>The <c>[wireguard]</c> section: which tunnel wgagent guards and how long it waits for it.</summary>
/// <param name="Interface">The WireGuard interface (created by <c>wg-quick@&lt;interface&gt;</c>).</param>
/// <param name="ConfigPath">The wg-quick file read for Address, FwMark, ListenPort and peer endpoints.</param>
/// <param name="WaitTimeout">How long to wait for the interface before reporting READY, degraded.</param>
public sealed record WireGuardSettings(InterfaceName Interface, string ConfigPath, TimeSpan WaitTimeout);
