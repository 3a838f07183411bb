using WgAgent.Lab.Hosts;
using WgAgent.Lab.Processes;

namespace WgAgent.Lab.Demo;

/// <summary>Writes the demo's story: numbered steps, plain sentences, and real commands with their real output.</summary>
public sealed class Narrator(TextWriter output)
{
    private const string Indent = "    ";

    /// <summary>A step heading.</summary>
    public void Step(int number, int total, string title)
    {
        output.WriteLine();
        output.WriteLine($"[{number}/{total}] {title}");
    }

    /// <summary>A heading outside the numbered steps (bring-up, teardown).</summary>
    public void Section(string title)
    {
        output.WriteLine();
        output.WriteLine($"== {title}");
    }

    /// <summary>A plain sentence.</summary>
    public void Say(string text) => output.WriteLine($"  {text}");

    /// <summary>An empty line.</summary>
    public void Blank() => output.WriteLine();

    /// <summary>A good outcome.</summary>
    public void Ok(string text) => output.WriteLine($"  ok: {text}");

    /// <summary>A failure (the demo will exit non-zero).</summary>
    public void Fail(string text) => output.WriteLine($"  FAILED: {text}");

    /// <summary>Shows a command as typed on the host, then its output (trimmed to <paramref name="maxLines"/>).</summary>
    public void Command(LabHost host, CommandResult result, int maxLines = 40) =>
        Command(host.Name, WithoutNsenter(result.Argv), result, maxLines);

    /// <summary>Shows a command typed at <paramref name="prompt"/> (e.g. a booted host's name), then its output.</summary>
    public void Command(string prompt, IEnumerable<string> typed, CommandResult result, int maxLines = 40)
    {
        output.WriteLine();
        output.WriteLine($"  {prompt}# {string.Join(' ', typed.Select(Quote))}");
        var text = (result.Stdout + result.Stderr).TrimEnd();
        var lines = text.Length == 0 ? [] : text.Split('\n');
        foreach (var line in lines.Take(maxLines))
        {
            output.WriteLine(Indent + line);
        }

        if (lines.Length > maxLines)
        {
            output.WriteLine($"{Indent}... ({lines.Length - maxLines} more lines)");
        }

        if (!result.Succeeded)
        {
            output.WriteLine($"{Indent}(exit {(result.TimedOut ? "timed out" : result.ExitCode)})");
        }
    }

    /// <summary>Rows as aligned columns.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        output.WriteLine();
        foreach (var row in all)
        {
            output.WriteLine(Indent + string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    // Commands run as `nsenter -t ANCHOR -n -m -- ARGV`; the prompt already says which host, so show ARGV.
    private static IEnumerable<string> WithoutNsenter(IReadOnlyList<string> argv)
    {
        var separator = argv.Count > 0 && argv[0] == "nsenter" ? argv.ToList().IndexOf("--") : -1;
        return separator < 0 ? argv : argv.Skip(separator + 1);
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%[]{}".Contains(c)) ? arg : $"'{arg}'";
}
