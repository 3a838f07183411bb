using System.Security.Cryptography;
using WgAgent.Lab.Nspawn;
using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.DaemonLifecycle;

/// <summary>
/// One of <see cref="SamplerScripts"/> running inside the booted node (its PID, mount and network namespaces) while a
/// test changes something: started, confirmed sampling (its ready file), stopped (its stop file) and read. Bounded by
/// its own deadline and by the exec timeout; the files live in the container's /run and are removed after.
/// </summary>
public sealed class ContainerSampler
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ExecMargin = TimeSpan.FromSeconds(20);
    private readonly BootedHost host;
    private readonly string stopFile;
    private readonly string readyFile;
    private readonly Task<CommandResult> running;

    private ContainerSampler(BootedHost host, string stopFile, string readyFile, Task<CommandResult> running)
    {
        this.host = host;
        this.stopFile = stopFile;
        this.readyFile = readyFile;
        this.running = running;
    }

    /// <summary>Starts <paramref name="script"/> and returns once it has taken its first sample.</summary>
    /// <param name="host">The booted node.</param>
    /// <param name="script">One of <see cref="SamplerScripts"/>.</param>
    /// <param name="arguments">The script's own arguments.</param>
    /// <param name="deadline">The loop ends by itself after this long.</param>
    /// <exception cref="InvalidOperationException">It ended or did not sample within 20 s.</exception>
    public static async Task<ContainerSampler> StartAsync(BootedHost host, string script, IReadOnlyList<string> arguments, TimeSpan deadline)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var stop = $"/run/lab-sampler-{id}.stop";
        var ready = $"/run/lab-sampler-{id}.ready";
        var seconds = ((int)Math.Ceiling(deadline.TotalSeconds)).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        var running = host.ExecAsync(["bash", "-c", script, "lab-sampler", stop, ready, seconds, .. arguments], deadline + ExecMargin);
        var until = DateTime.UtcNow + ReadyTimeout;
        while (!(await host.ExecAsync(["test", "-e", ready])).Succeeded)
        {
            if (running.IsCompleted)
            {
                throw new InvalidOperationException($"the sampler ended before its first sample: {(await running).Describe()}");
            }

            if (DateTime.UtcNow > until)
            {
                await host.ExecAsync(["touch", stop]);
                throw new InvalidOperationException($"the sampler took no sample within {ReadyTimeout.TotalSeconds} s");
            }

            await Task.Delay(20);
        }

        return new ContainerSampler(host, stop, ready, running);
    }

    /// <summary>Stops the loop, waits for it (bounded by its exec timeout) and parses what it printed.</summary>
    /// <exception cref="InvalidOperationException">It failed or printed nothing usable.</exception>
    public async Task<SamplerOutput> StopAsync()
    {
        await host.ExecAsync(["touch", stopFile]);
        var result = await running;
        await host.ExecAsync(["rm", "-f", stopFile, readyFile]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"the sampler failed: {result.Describe()}");
        }

        return SamplerOutput.Parse(result.Stdout);
    }
}
