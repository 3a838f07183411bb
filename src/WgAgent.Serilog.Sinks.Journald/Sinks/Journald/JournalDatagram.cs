using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Serilog.Sinks.Journald;

/// <summary>
/// Serializes fields in journald's native format (systemd docs/JOURNAL_NATIVE_PROTOCOL.md): <c>NAME=value\n</c>
/// for a value without a newline; otherwise <c>NAME\n</c>, the value's byte length as a little-endian
/// unsigned 64-bit integer, the value, <c>\n</c>. The same bytes go into a datagram or a memfd.
/// </summary>
public static class JournalDatagram
{
    /// <summary>The entry's bytes.</summary>
    /// <param name="fields">The fields, in order; names must be valid (<see cref="JournalFieldName.IsValid"/>).</param>
    public static byte[] Serialize(IEnumerable<JournalField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var buffer = new ArrayBufferWriter<byte>(512);
        foreach (var field in fields)
        {
            Write(buffer, field);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(ArrayBufferWriter<byte> buffer, JournalField field)
    {
        Encoding.ASCII.GetBytes(field.Name, buffer);
        if (!field.Value.Contains('\n'))
        {
            // The text form whenever the value allows it: readable in strace and journald's own debug output.
            buffer.Write("="u8);
            Encoding.UTF8.GetBytes(field.Value, buffer);
            buffer.Write("\n"u8);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(field.Value);
        buffer.Write("\n"u8);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.GetSpan(sizeof(ulong)), (ulong)length);
        buffer.Advance(sizeof(ulong));
        Encoding.UTF8.GetBytes(field.Value, buffer);
        buffer.Write("\n"u8);
    }
}
