using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using WgAgent.Lab.Nspawn;
using Xunit.Abstractions;

namespace WgAgent.System.Tests.Journald;

/// <summary>
/// The journald sink against the real systemd-journald of a booted Debian 12: journald-probe runs as a
/// transient service (systemd-run) and the entries are read back with <c>journalctl -o json</c>.
/// </summary>
[Collection(ProbeHostCollection.Name)]
public sealed class JournaldSinkSystemTests(ProbeHostFixture fixture, ITestOutputHelper output)
{
    private const int LargeMessageBytes = 300_000;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan JournalWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Probe_NativeSocket_StructuredEntriesInTheJournal()
    {
        var id = NewIdentifier();

        await RunProbeAsync(id, [], "--identifier", id, "--large", LargeMessageBytes.ToString(CultureInfo.InvariantCulture));
        var entries = await WaitForEntriesAsync($"SYSLOG_IDENTIFIER={id}", count: 4);

        var started = Single(entries, $"probe {id} started on wg0");
        Assert.Equal("6", started.Get("PRIORITY"));
        Assert.Equal("journal", started.Get("_TRANSPORT")); // the native protocol, not the stdout stream
        Assert.Equal($"{id}.service", started.SystemdUnit);
        Assert.Equal("wg0", started.Get("WGAGENT_INTERFACE"));
        Assert.Equal(id, started.Get("WGAGENT_RUN_ID"));
        Assert.Equal("probe {RunId} started on {Interface}", started.Get("WGAGENT_MESSAGE_TEMPLATE"));

        Assert.Equal("4", Single(entries, "first line\nsecond line").Get("PRIORITY"));

        var error = Single(entries, $"probe error for {id}");
        Assert.Equal("3", error.Get("PRIORITY"));
        Assert.Equal("System.InvalidOperationException", error.Get("WGAGENT_EXCEPTION_TYPE"));
        Assert.StartsWith("System.InvalidOperationException: probe failure\n", error.Get("WGAGENT_EXCEPTION"), StringComparison.Ordinal);

        // Far bigger than the probe's 64 KiB send buffer: only the memfd path gets it in whole.
        var large = Assert.Single(entries, e => e.Message.StartsWith("large ", StringComparison.Ordinal));
        Assert.Equal("large " + new string('x', LargeMessageBytes), large.Message);
        Assert.Equal("journal", large.Get("_TRANSPORT"));
    }

    [Fact]
    public async Task Probe_NoNativeSocket_StderrPrefixesBecomePriorities()
    {
        var id = NewIdentifier();
        var stream = $"{id}-stderr";
        var missing = $"/run/{id}/socket";

        await RunProbeAsync(id, ["--property=StandardError=journal", $"--property=SyslogIdentifier={stream}"], "--identifier", id, "--socket", missing);
        var entries = await WaitForEntriesAsync($"SYSLOG_IDENTIFIER={stream}", count: 6);

        var notice = Assert.Single(entries, e => e.Message.StartsWith("journald sink: ", StringComparison.Ordinal));
        Assert.StartsWith($"journald sink: {missing}: no socket at that path", notice.Message, StringComparison.Ordinal);
        Assert.Equal("4", notice.Get("PRIORITY"));
        Assert.Equal("stdout", notice.Get("_TRANSPORT")); // journald's stream transport, which parsed the prefix
        Assert.Equal("6", Single(entries, $"probe {id} started on wg0").Get("PRIORITY"));
        Assert.Equal("4", Single(entries, "first line").Get("PRIORITY"));
        Assert.Equal("4", Single(entries, "second line").Get("PRIORITY"));
        Assert.Equal("3", Single(entries, $"probe error for {id}").Get("PRIORITY"));
        Assert.Equal("3", Single(entries, "System.InvalidOperationException: probe failure").Get("PRIORITY"));
        Assert.DoesNotContain(entries, e => e.Message.StartsWith('<'));
    }

    private static string NewIdentifier() => $"wgprobe-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    private static JournalEntry Single(IReadOnlyList<JournalEntry> entries, string message) =>
        Assert.Single(entries, e => e.Message == message);

    private async Task RunProbeAsync(string unit, string[] properties, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var run = await fixture.Host.ExecAsync(
            ["systemd-run", "--wait", "--collect", "--quiet", "--service-type=exec", $"--unit={unit}", .. properties, "--",
                .. TestProbe.Journald.Command(arguments)],
            ProbeTimeout);
        output.WriteLine($"probe run took {clock.Elapsed.TotalSeconds:0.00} s");
        if (!run.Succeeded)
        {
            var journal = await fixture.Host.ExecAsync(["journalctl", "--no-pager", "--unit", $"{unit}.service"]);
            throw new InvalidOperationException($"{run.Describe()}\njournal of {unit}.service:\n{journal.Stdout.Trim()}");
        }
    }

    // journald handles datagrams and stream lines asynchronously: the probe's exit does not mean they are
    // written yet. --all: journalctl prints fields over 4096 bytes as null otherwise.
    private async Task<IReadOnlyList<JournalEntry>> WaitForEntriesAsync(string match, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = (await fixture.Host.ExecAsync(["journalctl", "--no-pager", "--all", "--output=json", match])).EnsureSuccess();
            var entries = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JournalEntry.Parse).ToList();
            if (entries.Count >= count || clock.Elapsed > JournalWait)
            {
                output.WriteLine($"{entries.Count} entries for {match} after {clock.Elapsed.TotalSeconds:0.00} s");
                foreach (var entry in entries)
                {
                    output.WriteLine($"  PRIORITY={entry.Get("PRIORITY")} {entry.Message[..Math.Min(entry.Message.Length, 120)].ReplaceLineEndings("\\n")}");
                }

                return entries;
            }

            await Task.Delay(200);
        }
    }
}
