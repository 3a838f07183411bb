using System.Globalization;
using WgAgent.DebBuild.Building;
using WgAgent.DebBuild.Spec;

namespace WgAgent.DebBuild;

/// <summary>
/// <c>wgagent-debbuild --spec nfpm.yaml --out DIR [--var NAME=VALUE]... [--source-date-epoch N]</c>: builds the .deb
/// nfpm.yaml describes with dpkg-deb and prints its path. scripts/build-deb.sh is the usual way to run it.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: wgagent-debbuild --spec nfpm.yaml --out DIR [--var NAME=VALUE]... [--source-date-epoch N]";

    /// <summary>Exit codes: 0 built, 1 the spec or a file it names is wrong or dpkg-deb failed, 2 bad arguments.</summary>
    public static int Main(string[] args)
    {
        string? specPath = null, outDir = null, epochText = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--spec": specPath = Next(); break;
                case "--out": outDir = Next(); break;
                case "--source-date-epoch": epochText = Next(); break;
                case "--var" when Next() is { } pair && pair.IndexOf('=') is > 0 and var eq:
                    variables[pair[..eq]] = pair[(eq + 1)..];
                    break;
                case "-h" or "--help":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    return Fail(2, $"wgagent-debbuild: unexpected argument \"{args[i]}\"\n{Usage}");
            }
        }
        if (specPath is null || outDir is null)
        {
            return Fail(2, Usage);
        }
        if (!long.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return Fail(2, "wgagent-debbuild: SOURCE_DATE_EPOCH (or --source-date-epoch) must be set to seconds since 1970, " +
                "so the package's timestamps do not depend on when it was built");
        }

        try
        {
            // Arguments win over the environment: a caller passing --var means that value.
            var spec = SpecReader.Read(File.ReadAllText(specPath), Path.GetFileName(specPath),
                name => variables.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name));
            var root = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
            var deb = new DebBuilder(root, epoch).Build(spec, outDir);
            Console.WriteLine($"{deb} ({new FileInfo(deb).Length / 1024.0 / 1024.0:F1} MiB)");
            return 0;
        }
        catch (SpecException e)
        {
            return Fail(1, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Fail(1, $"wgagent-debbuild: building the package: {e.Message}");
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
