using System.Runtime.CompilerServices;

namespace CliWrap;

/// <summary>A running command: awaitable for its result, and the process id while it runs.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class CommandTask<TResult>
{
    /// <summary>Wraps the running execution.</summary>
    /// <param name="task">Completes with the result.</param>
    /// <param name="processId">The started process's id.</param>
    public CommandTask(Task<TResult> task, int processId)
    {
        Task = task;
        ProcessId = processId;
    }

    /// <summary>Completes with the result, or faults with the execution's exception.</summary>
    public Task<TResult> Task { get; }

    /// <summary>The id of the started process.</summary>
    public int ProcessId { get; }

    /// <summary>Lets <c>await</c> be used on the command task directly.</summary>
    /// <returns>The awaiter of <see cref="Task"/>.</returns>
    public TaskAwaiter<TResult> GetAwaiter() => Task.GetAwaiter();

    /// <summary>Configures where the continuation runs.</summary>
    /// <param name="continueOnCapturedContext">Whether to resume on the captured context.</param>
    /// <returns>A configured awaitable.</returns>
    public ConfiguredTaskAwaitable<TResult> ConfigureAwait(bool continueOnCapturedContext) =>
        Task.ConfigureAwait(continueOnCapturedContext);

    /// <summary>The underlying task, for <c>Task.WhenAll</c> and friends.</summary>
    /// <param name="commandTask">The command task.</param>
    public static implicit operator Task<TResult>(CommandTask<TResult> commandTask)
    {
        ArgumentNullException.ThrowIfNull(commandTask);
        return commandTask.Task;
    }
}
