namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// One step of a fixture's scripted scenario: what it recorded, or why it could not finish. A step that throws does not
/// stop the steps after it (each restores what it changed); the facts that judge it fail with its error instead.
/// </summary>
/// <typeparam name="T">The step's record.</typeparam>
public sealed class ScenarioStep<T>
    where T : class
{
    private readonly T? value;

    private ScenarioStep(string name, T? value, Exception? error)
    {
        Name = name;
        this.value = value;
        Error = error;
    }

    /// <summary>The step's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Why the step did not finish; null when it did.</summary>
    public Exception? Error { get; }

    /// <summary>The record; throws (failing the fact) with the step's error if it has none.</summary>
    public T Record => value ?? throw new Xunit.Sdk.XunitException($"the fixture's step \"{Name}\" did not finish: {Error}");

    /// <summary>Runs <paramref name="run"/> and keeps its record or its exception.</summary>
    public static async Task<ScenarioStep<T>> RunAsync(string name, Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return new ScenarioStep<T>(name, await run(), null);
        }
        catch (Exception e)
        {
            return new ScenarioStep<T>(name, null, e);
        }
    }

    /// <summary>A step that never ran (the fixture failed before it).</summary>
    public static ScenarioStep<T> NotRun(string name) => new(name, null, new InvalidOperationException("not run"));
}
