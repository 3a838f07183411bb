using System.CommandLine;
using WgAgent.Firewall;

namespace WgAgent.Commands;

/// <summary>
/// <c>wgagent killswitch down</c>: removes table inet wgagent (an operator's decision, or the package purge) and
/// verifies it is gone. Idempotent: with no table it says so and exits 0.
/// </summary>
internal static class KillswitchDownCommand
{
    private const string Verb = "kill switch down";

    public static Command Build()
    {
        var nft = CommandOptions.Nft();
        var command = new Command("down", "Remove the kill switch (table inet wgagent) and verify it is gone; traffic is then no longer filtered by wgagent.")
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
        var result = await new KillswitchApplier(nftables, lastGood: null).RemoveAsync(cancellationToken).ConfigureAwait(false);
        switch (result.Status)
        {
            case KillswitchRemoveStatus.AlreadyAbsent:
                await output.WriteLineAsync($"wgagent: {Verb}: table inet wgagent was not loaded; nothing to remove").ConfigureAwait(false);
                return 0;
            case KillswitchRemoveStatus.Removed:
                await output.WriteLineAsync($"wgagent: {Verb}: table inet wgagent removed; wgagent no longer filters traffic").ConfigureAwait(false);
                return 0;
            case KillswitchRemoveStatus.Rejected:
                await error.WriteLineAsync(CommandFailure.Format(Verb, $"nft refused to delete table inet wgagent: {result.Problem}",
                    NftCommandsHint(result.Problem))).ConfigureAwait(false);
                return CommandFailure.ExitCode;
            default:
                await error.WriteLineAsync(CommandFailure.Format(Verb, "table inet wgagent is still listed after deleting it",
                    "something re-creates it: is wgagent.service or wgagent-killswitch.service running? stop them first")).ConfigureAwait(false);
                return CommandFailure.ExitCode;
        }
    }

    private static string? NftCommandsHint(string? problem) => NftCommands.HintFor(problem ?? "");
}
