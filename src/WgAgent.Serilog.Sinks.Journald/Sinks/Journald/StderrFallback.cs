using System.Globalization;
using System.Text;

namespace Serilog.Sinks.Journald;

/// <summary>
/// Writes events as lines prefixed with their syslog priority, "&lt;3&gt;failed", the way sd-daemon(3)
/// describes: when standard error goes to the journal (StandardError=journal, the default for services),
/// journald turns the prefix into PRIORITY= and strips it, so not even a missing native socket loses the level.
/// </summary>
internal sealed class StderrFallback(TextWriter? writer)
{
    private readonly Lock gate = new();
    private string? announcedProblem;

    /// <summary>Writes one event (every line of its message and exception, each with the prefix).</summary>
    /// <param name="priority">The syslog priority, 0–7.</param>
    /// <param name="message">The rendered message.</param>
    /// <param name="exception">The event's exception, if any.</param>
    /// <param name="problem">Why the journal socket did not take it; announced once per distinct problem.</param>
    public void Write(int priority, string message, Exception? exception, string problem)
    {
        var text = new StringBuilder();
        lock (gate)
        {
            if (problem != announcedProblem)
            {
                announcedProblem = problem;
                AppendLines(text, 4, $"journald sink: {problem}; writing to standard error instead");
            }
        }

        AppendLines(text, priority, message);
        if (exception is not null)
        {
            AppendLines(text, priority, exception.ToString());
        }

        var target = writer ?? Console.Error;
        lock (gate)
        {
            target.Write(text.ToString());
            target.Flush();
        }
    }

    /// <summary>The socket works again: the next problem is announced anew.</summary>
    public void Recovered()
    {
        if (announcedProblem is null)
        {
            return;
        }

        lock (gate)
        {
            announcedProblem = null;
        }
    }

    // journald reads the stream line by line; without a prefix on every line, continuation lines of a
    // stack trace would be logged at the stream's default priority.
    private static void AppendLines(StringBuilder text, int priority, string content)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"<{priority}>");
        foreach (var line in content.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append(prefix).Append(line).Append('\n');
        }
    }
}
