using System.Text;
using FsCheck;
using FsCheck.Fluent;
using WgAgent.Toml.Tests.Conformance;

namespace WgAgent.Toml.Tests.Robustness;

/// <summary>
/// Generators for the robustness properties: random bytes, "token soup" made of TOML's own pieces (far
/// likelier than random bytes to reach deep parser states), and corpus files with random mutations.
/// </summary>
public static class FuzzArbitraries
{
    private static readonly string[] Fragments =
    [
        "[", "]", "[[", "]]", "{", "}", "=", ",", ".", " ", "\t", "\n", "\r\n", "\r", "#", "# c\n",
        "\"", "'", "\"\"\"", "'''", "\\", "\\n", "\\u00e9", "\\U0001F600", "\\u", "\\x",
        "a", "b", "key", "a.b", "\"q\"", "'l'", "-", "_", "+", ":", "e", "E",
        "0", "1", "01", "1_0", "1.5", "1e5", "0x1F", "0o7", "0b1", "inf", "-nan", "9223372036854775808",
        "true", "false", "1979-05-27", "T", "07:32:00", "Z", "+07:00", ".999", " 07:32:00",
        "é", "😀", "\u0000", "\u007f", "\uFEFF",
    ];

    private static readonly Lazy<byte[][]> Corpus = new(() =>
        TomlTestCorpus.Cases("valid").Concat(TomlTestCorpus.Cases("invalid")).Select(TomlTestCorpus.ReadToml).ToArray());

    public static Arbitrary<FuzzInput> Inputs() =>
        Gen.Frequency(
                (1, RandomBytes()),
                (3, TokenSoup()),
                (4, MutatedCorpusFile()))
            .ToArbitrary();

    private static Gen<FuzzInput> RandomBytes() =>
        from length in Gen.Choose(0, 600)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), length)
        select new FuzzInput(bytes, "random bytes");

    private static Gen<FuzzInput> TokenSoup() =>
        from length in Gen.Choose(1, 300)
        from pieces in Gen.ArrayOf(Gen.Elements(Fragments), length)
        select new FuzzInput(Encoding.UTF8.GetBytes(string.Concat(pieces)), "token soup");

    private static Gen<FuzzInput> MutatedCorpusFile()
    {
        var files = Corpus.Value;
        if (files.Length == 0)
        {
            throw new InvalidOperationException(TomlTestCorpus.MissingMessage);
        }

        return from index in Gen.Choose(0, files.Length - 1)
               from count in Gen.Choose(1, 4)
               from mutations in Gen.ArrayOf(Mutation(), count)
               select new FuzzInput(Apply(files[index], mutations), "mutated corpus file");
    }

    private static Gen<(int Kind, double Where, int Length, string Text)> Mutation() =>
        from kind in Gen.Choose(0, 4)
        from position in Gen.Choose(0, 10_000).Select(i => i / 10_000.0)
        from length in Gen.Choose(1, 16)
        from text in Gen.Elements(Fragments)
        select (kind, position, length, text);

    private static byte[] Apply(byte[] original, (int Kind, double Where, int Length, string Text)[] mutations)
    {
        var bytes = new List<byte>(original);
        foreach (var (kind, where, length, text) in mutations)
        {
            var at = (int)(where * bytes.Count);
            var n = Math.Min(length, bytes.Count - at);
            switch (kind)
            {
                case 0 when bytes.Count > 0 && at < bytes.Count: // overwrite one byte
                    bytes[at] = (byte)(bytes[at] ^ (1 << (length % 8)));
                    break;
                case 1: // insert a TOML fragment
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(text));
                    break;
                case 2 when n > 0: // delete a range
                    bytes.RemoveRange(at, n);
                    break;
                case 3 when n > 0: // duplicate a range
                    bytes.InsertRange(at, bytes.GetRange(at, n));
                    break;
                case 4: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }
}
