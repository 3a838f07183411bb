using WgAgent.Core.Firewall;

namespace WgAgent.Firewall.Tests.Monitor;

/// <summary>A change the monitor reported, with when the callback ran (<see cref="System.Diagnostics.Stopwatch"/>).</summary>
internal sealed record ObservedChange(NftablesTableChange Change, long At);
