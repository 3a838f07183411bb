using System.Text;
using WgAgent.Core.Config;
using WgAgent.Core.WireGuard;

namespace WgAgent.Firewall;

/// <summary>The I/O half of <see cref="FailClosedDecision"/>: reads the agent config, the WireGuard config it names and
/// last-good.nft, turning every failure into a reason instead of an exception.</summary>
public static class FailClosedInputsReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads all three files.</summary>
    /// <param name="configPath">The agent config.</param>
    /// <param name="lastGood">The last-good store; null to read none (e.g. for <c>render</c>).</param>
    /// <returns>The inputs.</returns>
    public static FailClosedInputs Read(string configPath, LastGoodStore? lastGood)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        var configBytes = TryReadBytes(configPath, out var configError);
        var config = configBytes is null ? null : AgentConfigReader.Read(configBytes, configPath);
        WireGuardConfigReadResult? tunnel = null;
        string? tunnelError = null;
        if (config is not null)
        {
            var tunnelBytes = TryReadBytes(config.WireGuardConfigPath, out tunnelError);
            tunnel = tunnelBytes is null ? null : WireGuardConfigReader.Read(Utf8.GetString(tunnelBytes), config.WireGuardConfigPath);
        }

        LastGoodRuleset? stored = null;
        string? storedError = null;
        if (lastGood is not null)
        {
            try
            {
                stored = lastGood.TryRead();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                storedError = e.Message;
            }
        }

        return new FailClosedInputs
        {
            ConfigPath = configPath,
            Config = config,
            ConfigReadError = configError,
            Tunnel = tunnel,
            TunnelReadError = tunnelError,
            LastGoodPath = lastGood?.FilePath ?? LastGoodStore.FileName,
            LastGood = stored,
            LastGoodReadError = storedError,
        };
    }

    private static byte[]? TryReadBytes(string path, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            return null;
        }
    }
}
