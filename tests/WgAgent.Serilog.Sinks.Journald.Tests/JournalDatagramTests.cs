using System.Text;
using Serilog.Sinks.Journald;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

public sealed class JournalDatagramTests
{
    [Fact]
    public void Serialize_SingleLineValues_TextForm()
    {
        var bytes = JournalDatagram.Serialize([new("MESSAGE", "hello wg0"), new("PRIORITY", "6"), new("EMPTY", string.Empty)]);

        Assert.Equal("MESSAGE=hello wg0\nPRIORITY=6\nEMPTY=\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Serialize_ValueWithNewline_LengthPrefixedBinaryForm()
    {
        var bytes = JournalDatagram.Serialize([new("MESSAGE", "a\nb"), new("PRIORITY", "3")]);

        byte[] expected = [.. "MESSAGE\n"u8, 3, 0, 0, 0, 0, 0, 0, 0, .. "a\nb\n"u8, .. "PRIORITY=3\n"u8];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Serialize_NonAsciiMultiLine_LengthCountsUtf8Bytes()
    {
        var bytes = JournalDatagram.Serialize([new("X", "→\n")]);

        byte[] expected = [.. "X\n"u8, 4, 0, 0, 0, 0, 0, 0, 0, 0xE2, 0x86, 0x92, (byte)'\n', (byte)'\n'];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Serialize_ValueWithEqualsAndNul_TextFormRoundTrips()
    {
        var bytes = JournalDatagram.Serialize([new("KV", "a=b\0c")]);

        Assert.Equal([("KV", "a=b\0c")], JournalEntryParser.Parse(bytes));
    }
}
