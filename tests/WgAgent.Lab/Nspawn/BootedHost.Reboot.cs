using System.Diagnostics;
using System.Globalization;

namespace WgAgent.Lab.Nspawn;

/// <content>Rebooting: power off, then boot again on the same overlay, so everything the host wrote stays.</content>
public sealed partial class BootedHost
{
    /// <summary>How many times <see cref="RebootAsync"/> booted the host again.</summary>
    public int Reboots { get; private set; }

    /// <summary>
    /// Powers the container off cleanly and boots it again on the same overlay, as a reboot of a real host
    /// keeps its disk. nspawn itself does not boot a container again (a reboot request only ends it with exit
    /// code 133, for a service manager to restart it), so this starts a new nspawn. The previous boot's
    /// console is kept as <c>console.boot&lt;N&gt;.log</c> (N = 1 for the first boot) next to <see cref="ConsoleLogPath"/>. Bounded by the
    /// options' power-off and boot timeouts.
    /// </summary>
    /// <returns>How long the power-off took.</returns>
    /// <exception cref="InvalidOperationException">The host was never booted.</exception>
    /// <exception cref="BootedHostException">It did not power off cleanly (it was killed), or the new boot failed.</exception>
    public async Task<TimeSpan> RebootAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (nspawn is null)
        {
            throw new InvalidOperationException($"{MachineName} was never booted; boot it first");
        }

        var clock = Stopwatch.StartNew();
        // A killed container may not have flushed what it wrote: the next boot would test a damaged disk.
        if (!await PowerOffAsync().ConfigureAwait(false))
        {
            throw new BootedHostException($"booted host {MachineName}: no clean power-off before the reboot (it was killed)\n"
                + $"console ({dir.ConsoleLog}), last lines:\n{dir.ConsoleTail(20)}");
        }

        var poweredOff = clock.Elapsed;
        nspawn.Dispose();
        nspawn = null;
        leader = null;
        BootDuration = null;
        var kept = Path.Combine(Path.GetDirectoryName(dir.ConsoleLog)!, string.Create(CultureInfo.InvariantCulture, $"console.boot{Reboots + 1}.log"));
        if (File.Exists(dir.ConsoleLog))
        {
            File.Move(dir.ConsoleLog, kept, overwrite: true);
        }

        options.Log?.Invoke($"nspawn lab: {MachineName}: powered off in {poweredOff.TotalSeconds:0.00} s for a reboot (console so far: {kept})");
        await BootAsync(cancellationToken).ConfigureAwait(false);
        Reboots++;
        return poweredOff;
    }
}
