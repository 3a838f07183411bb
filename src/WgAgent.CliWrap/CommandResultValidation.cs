namespace CliWrap;

/// <summary>What a finished command must satisfy, or else its execution throws.</summary>
[Flags]
public enum CommandResultValidation
{
    /// <summary>Any exit code is a result; the caller inspects it.</summary>
    None = 0,

    /// <summary>A non-zero exit code throws <see cref="Exceptions.CommandExecutionException"/> (the default).</summary>
    ZeroExitCode = 1,
}
