namespace WgAgent.Daemon.Bench.Idle;

/// <summary>One idle window: both services' CPU readings at its start and end.</summary>
/// <param name="Agent">wgagent.service: start, end.</param>
/// <param name="Exporter">prometheus-node-exporter.service: start, end.</param>
/// <param name="AgentJournalLines">What the daemon logged during the window.</param>
/// <param name="OtherNspawn">Other systemd-nspawn processes on the machine at the window's start and end (see <see cref="Node.OtherHosts"/>).</param>
internal sealed record IdleWindow(CpuSample[] Agent, CpuSample[] Exporter, IReadOnlyList<string> AgentJournalLines, int[] OtherNspawn);
