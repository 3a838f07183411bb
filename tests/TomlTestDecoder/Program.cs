using WgAgent.Toml;

namespace TomlTestDecoder;

/// <summary>
/// The toml-test decoder adapter: TOML on stdin, toml-test's tagged JSON on stdout and exit 0; for invalid
/// TOML, the diagnostics on stderr and exit 1 (the protocol in toml-test's README, "Implementing a decoder").
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <returns>0 for valid TOML, 1 for invalid TOML.</returns>
    public static int Main()
    {
        byte[] input;
        using (var stdin = Console.OpenStandardInput())
        using (var buffer = new MemoryStream())
        {
            stdin.CopyTo(buffer);
            input = buffer.ToArray();
        }

        var result = TomlParser.Parse(input, "<stdin>");
        if (result.Document is null)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                Console.Error.WriteLine(diagnostic);
            }

            return 1;
        }

        using var stdout = Console.OpenStandardOutput();
        TaggedJson.Write(result.Document, stdout);
        return 0;
    }
}
