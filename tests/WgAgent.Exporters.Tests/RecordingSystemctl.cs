using WgAgent.Exporters;

namespace WgAgent.Exporters.Tests;

/// <summary>
/// Stands in for systemctl: records every call, answers <c>show</c> from a table of unit states (unknown units are
/// "loaded inactive"), and succeeds otherwise unless told to fail a verb.
/// </summary>
internal sealed class RecordingSystemctl : ISystemctl
{
    private readonly Dictionary<string, (string Load, string Active)> states = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public string? FailVerb { get; set; }

    /// <summary>The calls that change something (everything but <c>show</c>), without --no-ask-password.</summary>
    public IEnumerable<string> Actions => Calls.Where(c => !c.StartsWith("show", StringComparison.Ordinal));

    public RecordingSystemctl With(string unit, string active, string load = "loaded")
    {
        states[unit] = (load, active);
        return this;
    }

    public Task<SystemctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        Assert.Equal("--no-ask-password", arguments[0]);
        var args = arguments.Skip(1).ToList();
        Calls.Add(string.Join(' ', args));
        var command = "systemctl " + string.Join(' ', arguments);
        if (args[0] == FailVerb)
        {
            return Task.FromResult(new SystemctlResult(command, 1, "", $"Failed to {args[0]}: test says no\n"));
        }

        if (args[0] == "show")
        {
            var (load, active) = states.TryGetValue(args[^1], out var state) ? state : ("loaded", "inactive");
            return Task.FromResult(new SystemctlResult(command, 0, $"LoadState={load}\nActiveState={active}\n", ""));
        }

        return Task.FromResult(new SystemctlResult(command, 0, "", ""));
    }
}
