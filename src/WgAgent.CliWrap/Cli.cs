namespace CliWrap;

/// <summary>The entry point: <c>Cli.Wrap("nft").WithArguments(["-f", "-"])...</c>.</summary>
public static class Cli
{
    /// <summary>Creates a command that runs <paramref name="targetFilePath"/> with no arguments.</summary>
    /// <param name="targetFilePath">The program: a path, or a name looked up in <c>PATH</c>.</param>
    /// <returns>An immutable command; every <c>With*</c> method returns a changed copy.</returns>
    public static Command Wrap(string targetFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetFilePath);
        return new Command(targetFilePath);
    }
}
