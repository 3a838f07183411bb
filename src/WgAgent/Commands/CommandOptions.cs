using System.CommandLine;
using WgAgent.Core;
using WgAgent.Firewall;

namespace WgAgent.Commands;

/// <summary>The options several verbs share, defined once so their names, defaults and help read the same.</summary>
internal static class CommandOptions
{
    /// <summary>The nftables backend names for <c>--nft</c>.</summary>
    public const string LibraryBackend = "library";

    /// <summary>Runs the nft program instead of calling libnftables.</summary>
    public const string ProcessBackend = "process";

    /// <summary><c>--config PATH</c>, default /etc/wgagent.toml.</summary>
    public static Option<string> Config() => new("--config")
    {
        Description = "The agent config (it names the WireGuard config).",
        HelpName = "PATH",
        DefaultValueFactory = _ => ProductPaths.ConfigFile,
    };

    /// <summary><c>--state-directory PATH</c>: where last-good.nft lives.</summary>
    public static Option<string?> StateDirectory() => new("--state-directory")
    {
        Description = $"Where {LastGoodStore.FileName} is kept [default: the first of $STATE_DIRECTORY, else {LastGoodStore.DefaultDirectory}].",
        HelpName = "PATH",
    };

    /// <summary><c>--nft library|process</c>: how nftables is reached.</summary>
    public static Option<string> Nft()
    {
        var option = new Option<string>("--nft")
        {
            Description = "How to reach nftables: libnftables in-process (fast, the default) or the nft program (for diagnosis).",
            DefaultValueFactory = _ => LibraryBackend,
        };
        option.AcceptOnlyFromAmong(LibraryBackend, ProcessBackend);
        return option;
    }

    /// <summary>The backend named by <c>--nft</c>.</summary>
    public static INftables CreateNftables(string? backend) =>
        backend == ProcessBackend ? new NftProcess() : new LibNftables();
}
