namespace WgAgent.Core.Exporters;

/// <summary>How an exporter's port is actually listened on, against the WireGuard addresses it should be on.</summary>
public enum ExporterListenState
{
    /// <summary>Listening on every expected address and on nothing else.</summary>
    Bound,

    /// <summary>Listening on some expected addresses only, and on nothing else.</summary>
    Incomplete,

    /// <summary>Nothing listens on the port.</summary>
    NotListening,

    /// <summary>Something listens on the port on another address (a wildcard included): reachable outside the tunnel
    /// as far as the binding goes (the kill switch may still drop it).</summary>
    Exposed,
}
