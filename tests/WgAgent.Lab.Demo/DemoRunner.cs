using System.Runtime.InteropServices;
using WgAgent.Lab.Demo.Steps;
using WgAgent.Lab.Netns;

namespace WgAgent.Lab.Demo;

/// <summary>Brings the lab up, runs the steps in order, waits for the operator, and always tears down.</summary>
public sealed class DemoRunner(Narrator narrator, bool interactive)
{
    // The operator's pause is bounded too: a forgotten terminal must not hold a lab forever.
    private static readonly TimeSpan MaxPause = TimeSpan.FromHours(1);
    private int _signals;

    /// <summary>The chapters, in order. Later issues add theirs (kill switch, agent) here.</summary>
    public static IReadOnlyList<DemoStep> Steps { get; } =
    [
        new AddressesStep(),
        new WireGuardStep(),
        new PrometheusTargetsStep(),
        new ScrapeStep(),
        new KillswitchStep(),
        new AgentStep(),
    ];

    /// <summary>Called from the signal handler: says what happens next.</summary>
    public void Interrupted(PosixSignal signal)
    {
        var what = Interlocked.Increment(ref _signals) == 1 ? "stopping, then tearing the lab down" : "still tearing down, please wait";
        narrator.Say($"({signal} received: {what})");
    }

    /// <summary>Runs the whole demo; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken stopping)
    {
        narrator.Section("wgagent lab demo: namespaces, WireGuard, Prometheus, the kill switch, the daemon");
        Lab? lab = null;
        var exitCode = 0;
        try
        {
            narrator.Section("Bringing the lab up");
            lab = await Lab.StartAsync(cancellationToken: stopping).ConfigureAwait(false);
            narrator.Ok($"lab {lab.Id} up in {lab.BringUpTime.TotalSeconds:0.00} s: " +
                string.Join(", ", lab.BringUpSteps.Select(s => $"{s.Step} {s.Elapsed.TotalMilliseconds:0} ms")));
            if (lab.RemovedStaleRuns.Count > 0)
            {
                narrator.Say($"(removed leftovers of crashed runs first: {string.Join(", ", lab.RemovedStaleRuns)})");
            }

            var context = new DemoContext(lab, narrator, stopping);
            for (var i = 0; i < Steps.Count; i++)
            {
                narrator.Step(i + 1, Steps.Count, Steps[i].Title);
                await Steps[i].RunAsync(context).ConfigureAwait(false);
            }

            narrator.Section("All steps passed");
            await PauseAsync(lab, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            narrator.Fail("interrupted before all steps ran");
            exitCode = 130;
        }
        catch (Exception e) when (e is DemoStepFailedException or LabException or TimeoutException or IOException)
        {
            narrator.Fail(e.Message);
            exitCode = 1;
        }
        finally
        {
            if (lab is not null && !await TearDownAsync(lab).ConfigureAwait(false))
            {
                exitCode = 1;
            }
        }

        return exitCode;
    }

    private async Task PauseAsync(Lab lab, CancellationToken stopping)
    {
        if (!interactive)
        {
            narrator.Say("(no terminal on stdin: not waiting)");
            return;
        }

        narrator.Say($"The lab stays up. Explore it, e.g.: nsenter -t {lab.Node.AnchorPid} -n -m -- wg show");
        narrator.Say("Press Enter (or Ctrl-C) to tear it down.");
        var enter = Task.Run(Console.ReadLine, CancellationToken.None);
        try
        {
            await enter.WaitAsync(MaxPause, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl-C here is the documented way to end: not a failure.
        }
        catch (TimeoutException)
        {
            narrator.Say($"(no answer in {MaxPause.TotalMinutes:0} minutes)");
        }
    }

    private async Task<bool> TearDownAsync(Lab lab)
    {
        narrator.Section($"Tearing down lab {lab.Id}");
        try
        {
            await lab.DisposeAsync().ConfigureAwait(false);
        }
        catch (LabException e)
        {
            narrator.Fail(e.Message);
            return false;
        }

        var left = NamespaceReaper.List().Where(n => n.StartsWith(lab.Run.NamespaceNamePrefix, StringComparison.Ordinal)).ToList();
        if (left.Count > 0 || Directory.Exists(lab.Run.Directory))
        {
            narrator.Fail($"left behind: {string.Join(", ", left.Append(lab.Run.Directory).Where(p => !p.StartsWith('/') || Directory.Exists(p)))}");
            return false;
        }

        narrator.Ok($"killed its processes, deleted its {lab.NamespaceNames.Count} namespaces ({lab.Run.NamespaceNamePrefix}*) and {lab.Run.Directory}; nothing left");
        return true;
    }
}
