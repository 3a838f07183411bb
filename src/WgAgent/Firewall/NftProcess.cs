using CliWrap;
using CliWrap.Buffered;
using WgAgent.Core;

namespace WgAgent.Firewall;

/// <summary>
/// nftables through the nft(8) program: <c>nft -f -</c> with the script on stdin (one file is one transaction).
/// Slower than <see cref="LibNftables"/> by a process start, but independent of the library's ABI: the fallback,
/// and a second opinion when diagnosing.
/// </summary>
public sealed class NftProcess : INftables
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);
    private readonly string program;
    private readonly IReadOnlyList<string> leadingArguments;

    /// <summary>Runs <c>nft</c> from PATH.</summary>
    public NftProcess()
        : this("nft", [])
    {
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="leadingArguments"/> before nft's own, e.g.
    /// <c>ip</c> with <c>netns exec NAME nft</c>.</summary>
    /// <param name="program">The program.</param>
    /// <param name="leadingArguments">Arguments that come first.</param>
    public NftProcess(string program, IReadOnlyList<string> leadingArguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        this.program = program;
        this.leadingArguments = leadingArguments.ToArray();
    }

    /// <inheritdoc />
    public Task<NftResult> RunAsync(string script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        return RunNftAsync(["-f", "-"], script, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> ListTableAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunNftAsync(["list", "table", .. ProductPaths.NftTable.Split(' ')], null, cancellationToken)
            .ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.Output;
        }

        var failure = NftCommands.ListingFailure(result);
        return failure is null ? null : throw failure;
    }

    private async Task<NftResult> RunNftAsync(IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CallLimit);
        var command = Cli.Wrap(program)
            .WithArguments([.. leadingArguments, .. arguments])
            .WithStandardInputPipe(input is null ? PipeSource.Null : PipeSource.FromString(input))
            // Stable messages: IsNoSuchTable and the hints read nft's English.
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["LC_ALL"] = "C" })
            .WithValidation(CommandResultValidation.None);
        try
        {
            var result = await command.ExecuteBufferedAsync(limit.Token).ConfigureAwait(false);
            return new NftResult(result.IsSuccess, result.StandardOutput, result.StandardError);
        }
        catch (InvalidOperationException e)
        {
            throw new NftablesUnavailableException($"cannot run {program}: {e.InnerException?.Message ?? e.Message}",
                "install the nftables package", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NftablesException($"{command}: no answer within {CallLimit.TotalSeconds:0} s; killed it");
        }
    }
}
