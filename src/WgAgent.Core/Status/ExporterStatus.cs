namespace WgAgent.Core.Status;

/// <summary>One configured exporter (<c>exporters[]</c>): where it should listen and where it does.</summary>
public sealed record ExporterStatus
{
    /// <summary>Its name from the config.</summary>
    public required string Name { get; init; }

    /// <summary>Its systemd service.</summary>
    public required string Unit { get; init; }

    /// <summary>Its TCP port.</summary>
    public required int Port { get; init; }

    /// <summary>The WireGuard addresses it should listen on; empty while the tunnel has none.</summary>
    public required IReadOnlyList<string> ExpectedAddresses { get; init; }

    /// <summary>The addresses something really listens on at that port (from the kernel's socket tables).</summary>
    public required IReadOnlyList<string> ActualAddresses { get; init; }

    /// <summary>The verdict.</summary>
    public required ExporterBindState State { get; init; }

    /// <summary>The service's systemd ActiveState (<c>active</c>, <c>inactive</c>, <c>failed</c>, …); null when
    /// unknown.</summary>
    public string? UnitState { get; init; }
}
