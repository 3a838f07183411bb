namespace WgAgent.Exporters;

/// <summary>What one systemctl call did.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">systemctl's exit code.</param>
/// <param name="Output">Its stdout.</param>
/// <param name="Error">Its stderr.</param>
public sealed record SystemctlResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>True for exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws <see cref="SystemctlException"/> unless it succeeded.</summary>
    /// <returns>This result.</returns>
    public SystemctlResult EnsureSuccess() => Succeeded ? this : throw new SystemctlException(this);
}
