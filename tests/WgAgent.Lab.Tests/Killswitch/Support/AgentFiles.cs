using System.Security.Cryptography;

namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>
/// A scratch config directory for one run of the real program: wgagent.toml, the wg0.conf it names (with node's
/// private key, so 0600 in a 0700 directory) and a state directory for last-good.nft. Deleted on dispose.
/// </summary>
internal sealed class AgentFiles : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private AgentFiles(string root)
    {
        Root = root;
        ConfigPath = Path.Combine(root, "wgagent.toml");
        WireGuardConfigPath = Path.Combine(root, "wg0.conf");
        StateDirectory = Path.Combine(root, "state");
    }

    public string Root { get; }

    public string ConfigPath { get; }

    public string WireGuardConfigPath { get; }

    public string StateDirectory { get; }

    /// <summary>Under /tmp, which every lab host sees (their mount namespaces differ only in /run/wireguard).</summary>
    public static AgentFiles Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "wgagent-lab-ks-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(root, OwnerOnly);
        return new AgentFiles(root);
    }

    public void WriteConfig(Posture posture) => Write(ConfigPath, posture.ToToml(WireGuardConfigPath));

    public void WriteTunnel(string wgQuickConfig) => Write(WireGuardConfigPath, wgQuickConfig);

    private static void Write(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
