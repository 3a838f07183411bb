using System.Text;

namespace CliWrap;

/// <summary>
/// An immutable description of a program to run: target, arguments, working directory, environment, stdin and
/// validation. Each <c>With*</c> method returns a changed copy, so a configured command can be shared and reused.
/// </summary>
public sealed class Command
{
    private static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    internal Command(string targetFilePath)
        : this(targetFilePath, [], null, NoEnvironment, PipeSource.Null, CommandResultValidation.ZeroExitCode)
    {
    }

    private Command(string targetFilePath, IReadOnlyList<string> argumentList, string? workingDirPath,
        IReadOnlyDictionary<string, string?> environmentVariables, PipeSource standardInputPipe, CommandResultValidation validation)
    {
        TargetFilePath = targetFilePath;
        ArgumentList = argumentList;
        WorkingDirPath = workingDirPath;
        EnvironmentVariables = environmentVariables;
        StandardInputPipe = standardInputPipe;
        Validation = validation;
    }

    /// <summary>The program: a path, or a name looked up in <c>PATH</c>.</summary>
    public string TargetFilePath { get; }

    /// <summary>The arguments, each passed to the program as is (no shell, no word splitting).</summary>
    public IReadOnlyList<string> ArgumentList { get; }

    /// <summary>The arguments as one line, quoted where needed; for messages and logs only.</summary>
    public string Arguments => string.Join(' ', ArgumentList.Select(Quote));

    /// <summary>The working directory; null for the caller's.</summary>
    public string? WorkingDirPath { get; }

    /// <summary>Variables set (or, with a null value, removed) on top of the caller's environment.</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables { get; }

    /// <summary>What the program reads on stdin.</summary>
    public PipeSource StandardInputPipe { get; }

    /// <summary>What the result must satisfy, or else execution throws.</summary>
    public CommandResultValidation Validation { get; }

    /// <summary>Replaces the arguments. Each element reaches the program as exactly one argument.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <returns>A changed copy.</returns>
    public Command WithArguments(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var list = arguments.ToArray();
        foreach (var argument in list)
        {
            // A NUL cannot be passed through execve(2): the argument would be cut short silently.
            if (argument is null || argument.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("Arguments must be non-null and contain no NUL character.", nameof(arguments));
            }
        }

        return new Command(TargetFilePath, list, WorkingDirPath, EnvironmentVariables, StandardInputPipe, Validation);
    }

    /// <summary>Sets the working directory.</summary>
    /// <param name="workingDirPath">The directory the program starts in.</param>
    /// <returns>A changed copy.</returns>
    public Command WithWorkingDirectory(string workingDirPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(workingDirPath);
        return new Command(TargetFilePath, ArgumentList, workingDirPath, EnvironmentVariables, StandardInputPipe, Validation);
    }

    /// <summary>Replaces the environment overrides: each variable is set, or removed when its value is null.</summary>
    /// <param name="environmentVariables">The overrides.</param>
    /// <returns>A changed copy.</returns>
    public Command WithEnvironmentVariables(IReadOnlyDictionary<string, string?> environmentVariables)
    {
        ArgumentNullException.ThrowIfNull(environmentVariables);
        var copy = new Dictionary<string, string?>(environmentVariables, StringComparer.Ordinal);
        return new Command(TargetFilePath, ArgumentList, WorkingDirPath, copy, StandardInputPipe, Validation);
    }

    /// <summary>Sets what the program reads on stdin.</summary>
    /// <param name="source">The source, e.g. <see cref="PipeSource.FromString"/>.</param>
    /// <returns>A changed copy.</returns>
    public Command WithStandardInputPipe(PipeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Command(TargetFilePath, ArgumentList, WorkingDirPath, EnvironmentVariables, source, Validation);
    }

    /// <summary>Sets what the result must satisfy.</summary>
    /// <param name="validation">The rule; <see cref="CommandResultValidation.None"/> to inspect exit codes yourself.</param>
    /// <returns>A changed copy.</returns>
    public Command WithValidation(CommandResultValidation validation) =>
        new(TargetFilePath, ArgumentList, WorkingDirPath, EnvironmentVariables, StandardInputPipe, validation);

    /// <summary>The command line, quoted where needed; for messages.</summary>
    /// <returns>For example <c>nft -f -</c>.</returns>
    public override string ToString() => ArgumentList.Count == 0 ? Quote(TargetFilePath) : $"{Quote(TargetFilePath)} {Arguments}";

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && !argument.AsSpan().ContainsAny(" \t\n\"'\\$`"))
        {
            return argument;
        }

        var quoted = new StringBuilder(argument.Length + 2).Append('\'');
        foreach (var c in argument)
        {
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }
}
