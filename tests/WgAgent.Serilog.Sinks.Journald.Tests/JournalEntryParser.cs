using System.Buffers.Binary;
using System.Text;

namespace WgAgent.Serilog.Sinks.Journald.Tests;

/// <summary>The receiving side of the native protocol, written from the protocol document, to read what the sink sent.</summary>
public static class JournalEntryParser
{
    /// <summary>The fields of one entry, in order (a name may repeat).</summary>
    public static List<(string Name, string Value)> Parse(ReadOnlySpan<byte> entry)
    {
        var fields = new List<(string, string)>();
        while (!entry.IsEmpty)
        {
            var end = entry.IndexOfAny((byte)'=', (byte)'\n');
            if (end < 0)
            {
                throw new FormatException($"field without '=' or newline: {Encoding.UTF8.GetString(entry)}");
            }

            var name = Encoding.ASCII.GetString(entry[..end]);
            if (entry[end] == '=')
            {
                entry = entry[(end + 1)..];
                var newline = entry.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    throw new FormatException($"{name}: value not ended by a newline");
                }

                fields.Add((name, Encoding.UTF8.GetString(entry[..newline])));
                entry = entry[(newline + 1)..];
            }
            else
            {
                entry = entry[(end + 1)..];
                var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(entry));
                entry = entry[sizeof(ulong)..];
                if (entry.Length < length + 1 || entry[length] != '\n')
                {
                    throw new FormatException($"{name}: binary value of {length} bytes not followed by a newline");
                }

                fields.Add((name, Encoding.UTF8.GetString(entry[..length])));
                entry = entry[(length + 1)..];
            }
        }

        return fields;
    }

    /// <summary>The single value of <paramref name="name"/>; fails if absent or repeated.</summary>
    public static string Single(this List<(string Name, string Value)> fields, string name) =>
        Assert.Single(fields, f => f.Name == name).Value;
}
