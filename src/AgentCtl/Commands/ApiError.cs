using System.Text.Json;

namespace AgentCtl.Commands;

/// <summary>The one-line error the daemon's API answers with (<c>{"error": "…", "hint": "…"}</c>), read without a schema.</summary>
internal static class ApiError
{
    /// <summary>"agentctl: WHAT: error (hint: …)" from a non-2xx answer.</summary>
    public static string Describe(string what, int statusCode, string body)
    {
        string? error = null;
        string? hint = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = document.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
                hint = document.RootElement.TryGetProperty("hint", out var h) ? h.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: show the text itself.
        }

        var message = error ?? (body.Trim().Length > 0 ? body.Trim().Split('\n')[0] : "no details");
        return $"agentctl: {what}: the daemon answered {statusCode}: {message}" + (hint is null ? "" : $"\n  hint: {hint}");
    }
}
