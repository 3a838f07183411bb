using WgAgent.Core.WireGuard;

namespace WgAgent.Core.Tests.WireGuard;

/// <summary>Builds wg0.conf text from lines and reads it, for compact reader tests.</summary>
internal static class ConfigText
{
    public const string FileName = "wg0.conf";

    /// <summary>A minimal valid [Interface] to put in front of lines under test.</summary>
    public static readonly string[] Interface = ["[Interface]", $"PrivateKey = {TestKeys.Private}", "Address = 10.0.0.2/24"];

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    public static WireGuardConfigReadResult Read(params string[] lines) => WireGuardConfigReader.Read(Lines(lines), FileName);

    /// <summary>Every diagnostic rendered as the CLI prints its first line.</summary>
    public static string[] Rendered(WireGuardConfigReadResult result) => result.Diagnostics.Select(d => d.ToString()).ToArray();
}
