using System.CommandLine;
using WgAgent.Core.Exporters;
using WgAgent.Exporters;
using WgAgent.Firewall;

namespace WgAgent.Commands;

/// <summary>
/// <c>wgagent cleanup</c> (the package's purge runs it): removes everything wgagent wrote into systemd's directories
/// (files beginning with its marker line in /etc/systemd/system and /run/systemd/system: exporter socket units and
/// drop-ins), gives the exporters back their stock units (stopped before, started again after if they ran), and
/// removes table inet wgagent. One line per thing removed; idempotent; exit 0 when nothing of wgagent's is left.
/// </summary>
internal static class CleanupCommand
{
    private const string Verb = "cleanup";

    public static Command Build()
    {
        var nft = CommandOptions.Nft();
        var command = new Command("cleanup",
            "Remove all wgagent wrote: its socket units and drop-ins (exporters go back to their own units and are restarted if they ran) and table inet wgagent.")
        {
            nft,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandFailure.GuardAsync(Verb, error, () => RunAsync(CommandOptions.CreateNftables(parseResult.GetValue(nft)),
                output, error, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(INftables nftables, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Units first: an exporter restarted on its stock unit is still behind the kill switch until the table goes.
        var unitsOk = await RemoveUnitsAsync(output, error, cancellationToken).ConfigureAwait(false);
        var tableOk = await RemoveTableAsync(nftables, output, error, cancellationToken).ConfigureAwait(false);
        return unitsOk && tableOk ? 0 : CommandFailure.ExitCode;
    }

    private static async Task<bool> RemoveUnitsAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var directories = ExporterUnitPaths.CleanupDirectories.Select(path => new UnitDirectory(path)).ToList();
        var cleaner = new GeneratedUnitsCleaner(directories, new UnitChangeApplier(new SystemctlProcess()));
        UnitChangeResult result;
        try
        {
            result = await cleaner.RemoveAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SystemctlException e)
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, $"restoring the units: {e.Message}",
                "run `wgagent cleanup` again; it removes what is left")).ConfigureAwait(false);
            return false;
        }

        if (result.IsNoOp)
        {
            await output.WriteLineAsync($"wgagent: {Verb}: no unit files or drop-ins of wgagent's in {string.Join(" or ", ExporterUnitPaths.CleanupDirectories)}")
                .ConfigureAwait(false);
            return true;
        }

        foreach (var change in result.Changes)
        {
            await output.WriteLineAsync($"wgagent: {Verb}: {change}").ConfigureAwait(false);
        }

        foreach (var unit in result.Started)
        {
            await output.WriteLineAsync($"wgagent: {Verb}: restarted {unit} with its own configuration").ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<bool> RemoveTableAsync(INftables nftables, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var removed = await new KillswitchApplier(nftables, lastGood: null).RemoveAsync(cancellationToken).ConfigureAwait(false);
        switch (removed.Status)
        {
            case KillswitchRemoveStatus.AlreadyAbsent:
                await output.WriteLineAsync($"wgagent: {Verb}: table inet wgagent was not loaded").ConfigureAwait(false);
                return true;
            case KillswitchRemoveStatus.Removed:
                await output.WriteLineAsync($"wgagent: {Verb}: removed table inet wgagent").ConfigureAwait(false);
                return true;
            case KillswitchRemoveStatus.Rejected:
                await error.WriteLineAsync(CommandFailure.Format(Verb, $"nft refused to delete table inet wgagent: {removed.Problem}",
                    NftCommands.HintFor(removed.Problem ?? ""))).ConfigureAwait(false);
                return false;
            default:
                await error.WriteLineAsync(CommandFailure.Format(Verb, "table inet wgagent is still listed after deleting it",
                    "something re-creates it: stop wgagent.service and wgagent-killswitch.service first")).ConfigureAwait(false);
                return false;
        }
    }
}
