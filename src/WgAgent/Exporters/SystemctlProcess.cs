using CliWrap;
using CliWrap.Buffered;

namespace WgAgent.Exporters;

/// <summary>systemctl(1) as a process, through the in-house CliWrap.</summary>
public sealed class SystemctlProcess : ISystemctl
{
    // A restart waits for the job to finish; an exporter's stop may take its TimeoutStopSec= (Debian's
    // node_exporter: 20 s). Beyond this something is stuck, and the caller should say so rather than hang.
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(90);

    /// <inheritdoc />
    public async Task<SystemctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CallLimit);
        var command = Cli.Wrap("systemctl").WithArguments(arguments).WithValidation(CommandResultValidation.None)
            // No pager, no colours, no password prompt: this is a program talking to PID 1.
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["SYSTEMD_PAGER"] = "cat", ["SYSTEMD_COLORS"] = "0" });
        try
        {
            var result = await command.ExecuteBufferedAsync(limit.Token).ConfigureAwait(false);
            return new SystemctlResult(command.ToString(), result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (InvalidOperationException e)
        {
            throw new SystemctlException($"cannot run systemctl: {e.Message}", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SystemctlException($"{command} did not finish within {CallLimit.TotalSeconds:0} s");
        }
    }
}
