using WgAgent.Lab.Netns;

namespace WgAgent.Lab;

public sealed partial class Lab
{
    private int _tornDown;

    /// <summary>Removes whatever exists of this run, in dependency order; never throws, returns the problems.</summary>
    private async Task<IReadOnlyList<string>> TeardownAsync()
    {
        if (Interlocked.Exchange(ref _tornDown, 1) == 1)
        {
            return [];
        }

        var problems = new List<string>();
        await Attempt("stopping echo services", async () =>
        {
            if (_inetEcho is { } inet)
            {
                await inet.DisposeAsync().ConfigureAwait(false);
            }

            if (_lanEcho is { } lan)
            {
                await lan.DisposeAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        _prometheus?.Dispose();

        // Processes by PID first (daemons, then anchors), then whatever a test started in the namespaces.
        foreach (var hostProblems in await Task.WhenAll(Hosts.Select(h => h.StopAsync())).ConfigureAwait(false))
        {
            problems.AddRange(hostProblems);
        }

        foreach (var removal in await Task.WhenAll(_createdNamespaces.Select(NamespaceReaper.RemoveAsync)).ConfigureAwait(false))
        {
            problems.AddRange(removal);
        }

        await Attempt($"removing {Run.Directory}", () =>
        {
            if (Directory.Exists(Run.Directory))
            {
                Directory.Delete(Run.Directory, recursive: true);
            }

            return Task.CompletedTask;
        }).ConfigureAwait(false);
        return problems;

        async Task Attempt(string what, Func<Task> action)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                problems.Add($"{what}: {e.Message}");
            }
        }
    }
}
