using System.CommandLine;
using WgAgent.Core.Firewall;
using WgAgent.Firewall;

namespace WgAgent.Commands;

/// <summary>
/// <c>wgagent render [--config PATH]</c>: prints the nft script <c>killswitch up</c> would apply (the whole atomic
/// transaction), touching nothing; no root needed beyond reading the files. A broken config prints its diagnostics
/// and exits 1: block-all is a fallback, not the policy, so it is never printed as if it were.
/// </summary>
internal static class RenderCommand
{
    private const string Verb = "render";

    public static Command Build()
    {
        var config = CommandOptions.Config();
        var command = new Command("render", "Print the nft script killswitch up would apply (nothing is applied).")
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
        var plan = FailClosedDecision.Decide(FailClosedInputsReader.Read(configPath, lastGood: null));
        foreach (var diagnostic in plan.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.Format(includeHint: true)).ConfigureAwait(false);
        }

        if (plan.Outcome != KillswitchOutcome.Verified)
        {
            await error.WriteLineAsync(CommandFailure.Format(Verb, "the config has errors: there is no policy to render",
                "fix them (agentctl config check); meanwhile killswitch up would load the last verified ruleset or block-all"))
                .ConfigureAwait(false);
            return CommandFailure.ExitCode;
        }

        await output.WriteAsync(NftRuleset.Transaction(plan.Candidates[0].Table)).ConfigureAwait(false);
        return 0;
    }
}
