using System.Text;

namespace WgAgent.Toml.Tests.Robustness;

/// <summary>Generated parser input; prints as an escaped string so a failing case can be replayed.</summary>
public sealed class FuzzInput(byte[] bytes, string origin)
{
    public byte[] Bytes { get; } = bytes;

    public override string ToString()
    {
        var sb = new StringBuilder(origin).Append(": \"");
        foreach (var b in Bytes.Take(2000))
        {
            sb.Append(b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return sb.Append(Bytes.Length > 2000 ? "…\"" : "\"").ToString();
    }
}
