using System.Text;
using WgAgent.Core.Config;

namespace WgAgent.Core.Tests.Config;

/// <summary>Reads config text the way the daemon reads the file: as bytes, under the product's path.</summary>
internal static class ConfigText
{
    public const string Path = "/etc/wgagent.toml";

    public static AgentConfigReadResult Read(string toml) => AgentConfigReader.Read(Encoding.UTF8.GetBytes(toml), Path);

    public static AgentConfig ReadValid(string toml)
    {
        var result = Read(toml);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    public static IReadOnlyList<string> Errors(string toml) =>
        Read(toml).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();

    /// <summary>The single diagnostic of a file that has exactly one, with its hint line when it has one.</summary>
    public static string Single(string toml)
    {
        var diagnostics = Read(toml).Diagnostics;
        Assert.True(diagnostics.Count == 1, $"expected one diagnostic, got:\n{string.Join("\n", diagnostics)}");
        return diagnostics[0].Format(includeHint: true);
    }
}
