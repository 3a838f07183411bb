using System.CommandLine;
using WgAgent.Core.Exporters;
using WgAgent.Exporters;

namespace WgAgent.Commands;

/// <summary>
/// <c>wgagent exporters bind [--config PATH]</c>: writes the socket units and drop-ins that make each configured
/// exporter listen only on the tunnel's addresses (from the wg-quick file's <c>Address</c>), into
/// /etc/systemd/system so they hold from the first moment of the next boot, and restarts the exporters that run.
/// Works before the tunnel exists. A second run with the same inputs changes nothing. Exit 1 when an exporter could
/// not be bound (it is named, with the reason), 0 otherwise.
/// </summary>
internal static class ExportersBindCommand
{
    private const string Verb = "exporters bind";

    public static Command Build()
    {
        var config = CommandOptions.Config();
        var command = new Command("bind",
            $"Make every configured exporter listen only on the WireGuard address: socket units and drop-ins in {ExporterUnitPaths.Persistent}, "
            + $"in place from the next boot on; running exporters are restarted. Units wgagent can bind: {string.Join(", ", KnownExporters.All.Select(k => k.Unit.Value))}.")
        {
            config,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandFailure.GuardAsync(Verb, error, () => RunAsync(parseResult.GetValue(config)!, output, error, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(string configPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var inputs = ExporterInputs.Read(configPath);
        foreach (var diagnostic in inputs.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.Format(includeHint: true)).ConfigureAwait(false);
        }

        if (!inputs.Succeeded)
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, "the config has errors: nothing was changed",
                "fix them (agentctl config check), then bind again")).ConfigureAwait(false);
            return CommandFailure.ExitCode;
        }

        var config = inputs.Config!;
        var plan = ExporterBindingPlanner.Plan(config.Exporters, config.WireGuard.Interface, inputs.Addresses);
        var binder = new ExporterBinder(new UnitDirectory(ExporterUnitPaths.Persistent), new UnitChangeApplier(new SystemctlProcess()));
        ExporterBindResult result;
        try
        {
            result = await binder.BindAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (SystemctlException e)
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, e.Message,
                "see `systemctl status` and `journalctl -b` for the units named; running the command again retries")).ConfigureAwait(false);
            return CommandFailure.ExitCode;
        }

        await ReportAsync(result, config.Exporters.Count, output, error).ConfigureAwait(false);
        return result.IsComplete ? 0 : CommandFailure.ExitCode;
    }

    private static async Task ReportAsync(ExporterBindResult result, int configured, TextWriter output, TextWriter error)
    {
        foreach (var binding in result.Plan.Bindings.Where(b => !result.Conflicts.Any(c => c.Exporter == b.Exporter)))
        {
            var how = binding.SocketUnit is { } socket ? $"through {socket}" : $"by {binding.Known.Flag}";
            await output.WriteLineAsync($"wgagent: {Verb}: {binding.Exporter.Name} ({binding.Exporter.Unit}) listens only on {binding.Endpoints} {how}")
                .ConfigureAwait(false);
        }

        foreach (var change in result.Applied.Changes)
        {
            await output.WriteLineAsync($"wgagent: {Verb}: {change}").ConfigureAwait(false);
        }

        foreach (var unit in result.Applied.Started)
        {
            await output.WriteLineAsync($"wgagent: {Verb}: restarted {unit}").ConfigureAwait(false);
        }

        if (result.Applied.IsNoOp)
        {
            var what = configured == 0 ? "no exporters configured and no generated files left" : "already in place; nothing changed";
            await output.WriteLineAsync($"wgagent: {Verb}: {what}").ConfigureAwait(false);
        }

        foreach (var warning in result.Applied.Warnings)
        {
            await error.WriteLineAsync($"wgagent: {Verb}: warning: {warning}").ConfigureAwait(false);
        }

        foreach (var problem in result.Plan.Problems.Concat(result.Conflicts))
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, $"NOT bound: {problem}", problem.Hint)).ConfigureAwait(false);
        }
    }
}
