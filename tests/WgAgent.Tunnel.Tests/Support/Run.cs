using CliWrap;
using CliWrap.Buffered;

namespace WgAgent.Tunnel.Tests.Support;

/// <summary>Runs helper commands (ip, sysctl) with a hard timeout, through the product's CliWrap stand-in.</summary>
internal static class Run
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<BufferedCommandResult> CommandAsync(params string[] argv)
    {
        using var timeout = new CancellationTokenSource(Limit);
        return await Cli.Wrap(argv[0]).WithArguments(argv.Skip(1))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
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
