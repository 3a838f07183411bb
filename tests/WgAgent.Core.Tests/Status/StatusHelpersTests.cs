using System.Security.Cryptography;
using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.Firewall;
using WgAgent.Core.Status;

namespace WgAgent.Core.Tests.Status;

public sealed class StatusHelpersTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(47, "47s")]
    [InlineData(107, "1m 47s")]
    [InlineData(3600, "1h 0m")]
    [InlineData(7500, "2h 5m")]
    [InlineData(273600, "3d 4h")]
    [InlineData(-5, "0s")]
    public void Duration_Seconds_TwoLargestUnits(int seconds, string expected)
    {
        Assert.Equal(expected, HumanUnits.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(0ul, "0 B")]
    [InlineData(1023ul, "1023 B")]
    [InlineData(1024ul, "1.0 KiB")]
    [InlineData(348_160ul, "340 KiB")]
    [InlineData(1_258_291ul, "1.2 MiB")]
    [InlineData(10_433_331ul, "9.9 MiB")]
    [InlineData(10_480_000ul, "10 MiB")]
    [InlineData(5_905_580_032ul, "5.5 GiB")]
    [InlineData(ulong.MaxValue, "16 EiB")]
    public void Bytes_Count_BinaryUnits(ulong bytes, string expected)
    {
        Assert.Equal(expected, HumanUnits.Bytes(bytes));
    }

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb")]
    public void Sha256_KnownText_KnownDigest(string text, string digest)
    {
        // The digests are of the normal form: "abc\n" for "abc", "" for "".
        Assert.Equal(digest, RulesetFingerprint.Sha256(text));
    }

    [Fact]
    public void Sha256_EveryLengthAcrossBlockBoundaries_SameAsThePlatform()
    {
        for (var length = 0; length < 300; length++)
        {
            var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NftListing.Normalize(text))));

            Assert.Equal(expected, RulesetFingerprint.Sha256(text));
        }
    }

    [Fact]
    public void Sha256_RenderedTableAndItsListing_SameFingerprint()
    {
        Assert.Equal(RulesetFingerprint.Sha256(StatusFixtures.ExpectedTable), RulesetFingerprint.Sha256(StatusFixtures.KernelTable));
        Assert.NotEqual(RulesetFingerprint.Sha256(StatusFixtures.ExpectedTable), RulesetFingerprint.Sha256(NftRuleset.BlockAllTable));
    }

    [Fact]
    public void ParseCounters_BlockAllTable_EveryCounterAtZero()
    {
        var counters = NftCounterListing.Parse(NftRuleset.BlockAllTable);

        Assert.Equal(NftCounters.All, counters.Keys);
        Assert.All(counters.Values, c => Assert.Equal(new DropCounter(0, 0), c));
    }

    [Fact]
    public void ParseCounters_OneLineObjectsOutOfOrder_TableOrderAndRuleReferencesIgnored()
    {
        const string listing = """
            table inet wgagent {
              counter dropped_spoofed { packets 1 bytes 60 }
              counter custom_thing {
                comment "not ours"
                packets 9 bytes 900
              }
              counter dropped_input { packets 18446744073709551615 bytes 2 }
              chain input {
                counter name "dropped_input" drop
                counter packets 77 bytes 88 accept
              }
            }
            """;

        var counters = NftCounterListing.Parse(listing);

        Assert.Equal(["dropped_input", "dropped_spoofed", "custom_thing"], counters.Keys);
        Assert.Equal(new DropCounter(ulong.MaxValue, 2), counters["dropped_input"]);
        Assert.Equal(new DropCounter(9, 900), counters["custom_thing"]);
    }

    [Fact]
    public void PostureText_Policy_OneLineInTheConfigsWords()
    {
        Assert.Equal("egress open, inbound open, forward open, ipv6 tunnel; only via wg0: node 9100, blackbox 9115, wgagent-metrics 9586",
            KillswitchPostureText.Describe(StatusFixtures.Policy));
        Assert.Equal("egress tunnel, inbound restricted, forward tunnel, ipv6 block; no guarded ports",
            KillswitchPostureText.Describe(StatusFixtures.Policy with
            {
                Egress = EgressMode.Tunnel, Inbound = InboundMode.Restricted, Forward = ForwardMode.Tunnel,
                Ipv6 = Ipv6Mode.Block, GuardedPorts = [],
            }));
    }
}
