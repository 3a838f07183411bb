using System.Net;
using WgAgent.Core.Config;
using WgAgent.Core.Diagnostics;
using WgAgent.Core.Exporters;
using WgAgent.Firewall;

namespace WgAgent.Exporters;

/// <summary>The config and the tunnel addresses, read for the exporter verbs; or why they could not be.</summary>
/// <param name="Config">The agent config, when it has no errors.</param>
/// <param name="Addresses">The tunnel's addresses from its wg-quick file (<c>Address</c> lines).</param>
/// <param name="Diagnostics">Every problem of both files, errors and warnings.</param>
public sealed record ExporterInputs(AgentConfig? Config, IReadOnlyList<WgAgent.Core.Net.IpNetwork> Addresses, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when both files were read without errors.</summary>
    public bool Succeeded => Config is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The addresses the exporters should listen on.</summary>
    public IReadOnlyList<IPAddress> ListenAddresses => ExporterBindingPlanner.ListenAddresses(Addresses);

    /// <summary>Reads <paramref name="configPath"/> and the wg-quick file it names (the same reader as the kill switch).</summary>
    /// <param name="configPath">The agent config.</param>
    /// <returns>The inputs.</returns>
    public static ExporterInputs Read(string configPath)
    {
        var inputs = FailClosedInputsReader.Read(configPath, lastGood: null);
        var diagnostics = new List<Diagnostic>();
        if (inputs.ConfigReadError is { } configError)
        {
            diagnostics.Add(new Diagnostic(configPath, 0, 0, DiagnosticSeverity.Error, null, $"cannot read the config: {configError}"));
            return new ExporterInputs(null, [], diagnostics);
        }

        diagnostics.AddRange(inputs.Config?.Diagnostics ?? []);
        var tunnelPath = inputs.Config?.WireGuardConfigPath ?? "";
        if (inputs.TunnelReadError is { } tunnelError)
        {
            diagnostics.Add(new Diagnostic(tunnelPath, 0, 0, DiagnosticSeverity.Error, null, $"cannot read the WireGuard config: {tunnelError}"));
        }

        diagnostics.AddRange(inputs.Tunnel?.Diagnostics ?? []);
        var addresses = inputs.Tunnel?.Config?.Interface.Addresses ?? [];
        return new ExporterInputs(inputs.Config?.Config, addresses, diagnostics);
    }
}
