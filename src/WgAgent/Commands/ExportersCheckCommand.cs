using System.CommandLine;
using WgAgent.Exporters;

namespace WgAgent.Commands;

/// <summary>
/// <c>wgagent exporters check [--config PATH]</c>: what actually listens on each exporter's port (the kernel's TCP
/// tables of this network namespace) against the tunnel's addresses. One line per exporter; exit 0 when every one
/// listens on exactly those addresses, 1 otherwise. Reads only; no root needed.
/// </summary>
internal static class ExportersCheckCommand
{
    private const string Verb = "exporters check";

    public static Command Build()
    {
        var config = CommandOptions.Config();
        var command = new Command("check",
            "Show what listens on each exporter's port (from /proc/net/tcp and tcp6) against the WireGuard addresses; exit 1 unless every exporter listens on exactly those.")
        {
            config,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandFailure.GuardAsync(Verb, error, () => RunAsync(parseResult.GetValue(config)!, output, error));
        });
        return command;
    }

    private static async Task<int> RunAsync(string configPath, TextWriter output, TextWriter error)
    {
        var inputs = ExporterInputs.Read(configPath);
        foreach (var diagnostic in inputs.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.Format(includeHint: true)).ConfigureAwait(false);
        }

        if (!inputs.Succeeded)
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, "the config has errors: cannot tell what should listen where",
                "fix them (agentctl config check)")).ConfigureAwait(false);
            return CommandFailure.ExitCode;
        }

        IReadOnlyList<WgAgent.Core.Exporters.ListeningSocket> listeners;
        try
        {
            listeners = ListenerCheck.ReadListening();
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, $"reading {ListenerCheck.DefaultProcNet}/tcp: {e.Message}",
                "this kernel prints its TCP table differently; please report it")).ConfigureAwait(false);
            return CommandFailure.ExitCode;
        }

        var statuses = ListenerCheck.Check(inputs.Config!.Exporters, inputs.ListenAddresses, listeners);
        foreach (var status in statuses)
        {
            await output.WriteLineAsync($"wgagent: {Verb}: {status.Describe()}").ConfigureAwait(false);
        }

        if (statuses.Count == 0)
        {
            await output.WriteLineAsync($"wgagent: {Verb}: no exporters configured").ConfigureAwait(false);
        }

        return statuses.All(s => s.IsHealthy) ? 0 : CommandFailure.ExitCode;
    }
}
