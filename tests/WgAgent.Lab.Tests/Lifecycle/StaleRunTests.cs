using System.Diagnostics;
using System.Security.Cryptography;
using WgAgent.Lab.Addressing;
using WgAgent.Lab.Netns;
using WgAgent.Lab.Processes;
using WgAgent.Lab.Runs;
using Xunit.Abstractions;

namespace WgAgent.Lab.Tests.Lifecycle;

[Collection(LifecycleCollection.Name)]
[Trait("lab", "level-1")]
public sealed class StaleRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_CrashedRunLeftBehind_RemovesItButLeavesLiveRunsAndOtherNamespaces()
    {
        await using var live = await Lab.StartAsync();
        var stale = LabRun.Create(await DeadProcessAsync());
        var fakeLive = LabRun.Create(ProcessIdentity.Current);
        var notOurs = new[] { $"wgltest-{Hex()}", $"wgl-x{Hex()}-node" };
        Process? straggler = null;
        try
        {
            // The crashed run: two namespaces, one with a process still in it, and its directory.
            await CommandRunner.RunCheckedAsync("ip", "netns", "add", stale.NamespaceName("router"));
            await CommandRunner.RunCheckedAsync("ip", "netns", "add", stale.NamespaceName("node"));
            straggler = Process.Start("ip", ["netns", "exec", stale.NamespaceName("node"), "sleep", "600"]);
            await CommandRunner.RunCheckedAsync("ip", "netns", "add", fakeLive.NamespaceName("node"));
            foreach (var name in notOurs)
            {
                await CommandRunner.RunCheckedAsync("ip", "netns", "add", name);
            }

            await using var next = await Lab.StartAsync();
            output.WriteLine($"stale run {stale.Id}; the next start removed [{string.Join(", ", next.RemovedStaleRuns)}]");

            Assert.False(File.Exists($"/run/netns/{stale.NamespaceName("router")}"));
            Assert.False(File.Exists($"/run/netns/{stale.NamespaceName("node")}"));
            Assert.False(Directory.Exists(stale.Directory));
            Assert.True(straggler.WaitForExit(TimeSpan.FromSeconds(5)), "the process in the stale namespace was not killed");

            Assert.True(File.Exists($"/run/netns/{fakeLive.NamespaceName("node")}"), "a live run's namespace was removed");
            Assert.True(Directory.Exists(fakeLive.Directory), "a live run's directory was removed");
            Assert.All(notOurs, name => Assert.True(File.Exists($"/run/netns/{name}"), $"{name} is not a lab namespace but was removed"));
            Assert.All(live.NamespaceNames, name => Assert.True(File.Exists($"/run/netns/{name}"), $"live lab lost {name}"));
            var ping = await live.Monitor.PingAsync(LabAddresses.Node.RequiredTunnelV4, TimeSpan.FromSeconds(3));
            Assert.True(ping.Reachable, $"the live lab stopped working: {ping}");
        }
        finally
        {
            if (straggler is { HasExited: false })
            {
                straggler.Kill();
            }

            straggler?.Dispose();
            foreach (var name in notOurs.Append(stale.NamespaceName("router")).Append(stale.NamespaceName("node")).Append(fakeLive.NamespaceName("node")))
            {
                await NamespaceReaper.RemoveAsync(name);
            }

            foreach (var directory in new[] { stale.Directory, fakeLive.Directory }.Where(Directory.Exists))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task RemoveStaleRunsAsync_NamespaceWithoutRunDirectory_IsRemoved()
    {
        // Only a leftover can look like this: a run creates its directory before its namespaces.
        var orphan = $"wgl-{Hex()}-node";
        await CommandRunner.RunCheckedAsync("ip", "netns", "add", orphan);
        try
        {
            var (removed, problems) = await StaleRunCleaner.RemoveStaleRunsAsync();

            Assert.Empty(problems);
            Assert.False(File.Exists($"/run/netns/{orphan}"), $"{orphan} still exists (removed: {string.Join(", ", removed)})");
        }
        finally
        {
            await NamespaceReaper.RemoveAsync(orphan);
        }
    }

    [Fact]
    public async Task RemoveStaleRunsAsync_StagingDirectoryWithoutOwnerYet_IsKeptWhileFreshAndRemovedWhenOld()
    {
        // A parallel Lab.StartAsync sits between creating its staging directory and writing the owner file.
        var fresh = Path.Combine(LabRun.RunsRoot, LabRun.StagingPrefix + Hex());
        var old = Path.Combine(LabRun.RunsRoot, LabRun.StagingPrefix + Hex());
        Directory.CreateDirectory(fresh);
        Directory.CreateDirectory(old);
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow - TimeSpan.FromMinutes(5));
        try
        {
            var (_, problems) = await StaleRunCleaner.RemoveStaleRunsAsync();

            Assert.Empty(problems);
            Assert.True(Directory.Exists(fresh), "a run being prepared lost its staging directory");
            Assert.False(Directory.Exists(old), "a staging directory abandoned minutes ago was kept");
        }
        finally
        {
            foreach (var directory in new[] { fresh, old }.Where(Directory.Exists))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<ProcessIdentity> DeadProcessAsync()
    {
        using var process = Process.Start("sleep", "30");
        var identity = ProcessIdentity.Of(process.Id) ?? throw new InvalidOperationException("sleep vanished");
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(identity.IsAlive);
        return identity;
    }

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
}
