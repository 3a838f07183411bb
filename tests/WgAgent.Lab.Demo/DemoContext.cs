using WgAgent.Lab.Hosts;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Demo;

/// <summary>What every demo step gets: the running lab, the narrator, and the stop signal (Ctrl-C, SIGTERM).</summary>
public sealed class DemoContext(Lab lab, Narrator narrator, CancellationToken stopping)
{
    /// <summary>The running lab.</summary>
    public Lab Lab { get; } = lab;

    /// <summary>Where the story goes.</summary>
    public Narrator Narrator { get; } = narrator;

    /// <summary>Cancelled when the user interrupts.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Runs a command in a host, shows it and its output, and returns the result (not checked).</summary>
    public async Task<CommandResult> ShowAsync(LabHost host, params string[] argv)
    {
        var result = await host.RunAsync(argv, TimeSpan.FromSeconds(15), cancellationToken: Stopping).ConfigureAwait(false);
        Narrator.Command(host, result);
        return result;
    }
}
