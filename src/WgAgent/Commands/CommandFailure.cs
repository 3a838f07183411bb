using WgAgent.Firewall;

namespace WgAgent.Commands;

/// <summary>
/// The top of every verb: an exception becomes one clear line plus a hint on stderr and exit code 1, never a stack
/// trace (the product contract).
/// </summary>
internal static class CommandFailure
{
    /// <summary>The exit code of a failed verb.</summary>
    public const int ExitCode = 1;

    /// <summary>Runs <paramref name="action"/>, reporting any exception as "wgagent: VERB: reason".</summary>
    public static async Task<int> GuardAsync(string verb, TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (NftablesUnavailableException e)
        {
            // Already a whole sentence with its remedy: "cannot load libnftables.so.1: install the nftables package".
            await error.WriteLineAsync($"wgagent: {e.Message}: {e.Hint}").ConfigureAwait(false);
        }
        catch (NftablesException e)
        {
            await error.WriteLineAsync(Format(verb, e.Message, e.Hint)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"wgagent: {verb}: cancelled").ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(Format(verb, e.Message, "check the paths and run as root")).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await error.WriteLineAsync(Format(verb, $"unexpected error: {e.GetType().Name}: {e.Message}",
                "this is a bug in wgagent: please report it with the command and the config")).ConfigureAwait(false);
        }

        return ExitCode;
    }

    /// <summary><c>wgagent: VERB: message</c> and, when there is one, <c>  hint: ...</c> on the next line.</summary>
    public static string Format(string verb, string message, string? hint) =>
        hint is null ? $"wgagent: {verb}: {message}" : $"wgagent: {verb}: {message}\n  hint: {hint}";
}
