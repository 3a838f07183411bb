using WgAgent.Lab.Processes;

namespace WgAgent.System.Tests.StatusApi;

/// <summary>Splits what <see cref="StatusApiFixture.Curl"/> prints: the body, then the HTTP code on the last line.</summary>
public static class StatusApiJson
{
    /// <summary>The response body.</summary>
    public static string Body(CommandResult curl)
    {
        ArgumentNullException.ThrowIfNull(curl);
        var text = curl.Stdout;
        var last = text.LastIndexOf('\n');
        return last < 0 ? "" : text[..last];
    }

    /// <summary>The HTTP code (000 when curl got no answer).</summary>
    public static string Code(CommandResult curl)
    {
        ArgumentNullException.ThrowIfNull(curl);
        var text = curl.Stdout;
        return text[(text.LastIndexOf('\n') + 1)..].Trim();
    }
}
