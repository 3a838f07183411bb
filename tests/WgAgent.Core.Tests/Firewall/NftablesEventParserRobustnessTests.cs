using WgAgent.Core.Firewall;

namespace WgAgent.Core.Tests.Firewall;

/// <summary>
/// The parser reads whatever a socket returns and must never throw: random bytes, and valid datagrams with random
/// bytes overwritten or cut short. Seeded, so a failure reproduces; this project has no FsCheck, so plain loops.
/// </summary>
public sealed class NftablesEventParserRobustnessTests
{
    private const int Cases = 20_000;

    [Fact]
    public void Parse_RandomBytes_NeverThrowsAndEndsWithAtMostOneMalformed()
    {
        var random = new Random(20240611);
        for (var i = 0; i < Cases; i++)
        {
            var datagram = new byte[random.Next(0, 300)];
            random.NextBytes(datagram);

            AssertWellBehaved(datagram, $"case {i}: {Convert.ToHexString(datagram)}");
        }
    }

    [Fact]
    public void Parse_MutatedValidDatagrams_NeverThrow()
    {
        var random = new Random(7);
        var valid = new NftablesDatagram()
            .Object(NftablesDatagram.DelRule, NftablesDatagram.Inet, "wgagent", leadingAttribute: true)
            .Object(NftablesDatagram.DelTable, NftablesDatagram.Inet, "wgagent")
            .Object(NftablesDatagram.NewSetElem, NftablesDatagram.Ip, "other")
            .Generation(77)
            .ToArray();
        for (var i = 0; i < Cases; i++)
        {
            var datagram = valid.AsSpan(0, random.Next(0, valid.Length + 1)).ToArray();
            for (var flips = random.Next(1, 5); flips > 0 && datagram.Length > 0; flips--)
            {
                datagram[random.Next(datagram.Length)] = (byte)random.Next(256);
            }

            AssertWellBehaved(datagram, $"case {i}: {Convert.ToHexString(datagram)}");
        }
    }

    private static void AssertWellBehaved(byte[] datagram, string what)
    {
        var events = NftablesEventParser.Parse(datagram);

        // Parsing stops at the first malformed message, so one can only be last.
        var firstMalformed = events.ToList().FindIndex(e => e.Kind == NftablesEventKind.Malformed);
        Assert.True(firstMalformed < 0 || firstMalformed == events.Count - 1, what);
        Assert.All(events, e => Assert.True(e.Kind != NftablesEventKind.Malformed || e.Problem is { Length: > 0 }, what));

        // And the watch that consumes them never throws either.
        var watch = new NftablesTableWatch("inet", "wgagent");
        foreach (var e in events)
        {
            _ = watch.Observe(e);
        }
    }
}
