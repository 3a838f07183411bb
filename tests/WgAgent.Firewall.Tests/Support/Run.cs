using CliWrap;
using CliWrap.Buffered;

namespace WgAgent.Firewall.Tests.Support;

/// <summary>Runs helper commands (ip, nft, stat) with a hard timeout, through the product's own CliWrap stand-in.</summary>
internal static class Run
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<BufferedCommandResult> CommandAsync(IReadOnlyList<string> argv, string? input = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var command = Cli.Wrap(argv[0]).WithArguments(argv.Skip(1))
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>());
        if (input is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(input));
        }

        return await command.ExecuteBufferedAsync(timeout.Token);
    }

    public static async Task<BufferedCommandResult> CheckedAsync(params string[] argv)
    {
        var result = await CommandAsync(argv);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', argv)}` exited {result.ExitCode}: {result.StandardError.Trim()}");
        }

        return result;
    }
}
