using System.Runtime.InteropServices;

namespace WgAgent.Lab.Demo;

/// <summary>`make demo`: brings the level-1 lab up and shows, with real command output, that it works.</summary>
public static class Program
{
    /// <summary>Entry point. Exit 0 when every step passed, 1 when one failed, 130 when interrupted midway.</summary>
    public static async Task<int> Main()
    {
        using var stop = new CancellationTokenSource();
        var runner = new DemoRunner(new Narrator(Console.Out), interactive: !Console.IsInputRedirected);

        // Ctrl-C, kill, a closed terminal: stop what runs and tear down, instead of dying with the lab up.
        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            runner.Interrupted(signal.Signal);
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        return await runner.RunAsync(stop.Token);
    }
}
