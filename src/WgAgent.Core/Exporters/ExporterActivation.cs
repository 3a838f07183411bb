namespace WgAgent.Core.Exporters;

/// <summary>How wgagent makes an exporter serve on the WireGuard address only.</summary>
public enum ExporterActivation
{
    /// <summary>
    /// systemd owns the listening sockets (a generated socket unit with <c>FreeBind=yes</c>) and hands them to the
    /// exporter, which serves only on what it is given. Preferred: the sockets exist, on the tunnel address, before
    /// wg0 does, so the exporter never binds anything itself, not even at boot.
    /// </summary>
    SystemdSocket,

    /// <summary>
    /// The exporter binds itself, told the address by a command-line flag, and starts only after the tunnel is up
    /// (the address must exist to bind it without <c>IP_FREEBIND</c>). For exporters without socket activation.
    /// </summary>
    ListenAddressFlag,
}
