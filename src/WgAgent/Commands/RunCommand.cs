using System.CommandLine;
using WgAgent.Daemon;
using WgAgent.Firewall;

namespace WgAgent.Commands;

/// <summary>
/// <c>wgagent run [--config PATH]</c>: the daemon wgagent.service runs. Applies the kill switch (as <c>killswitch up</c>),
/// waits for the tunnel, keeps the exporters on its address, keeps the table in place, tells systemd READY and STATUS=,
/// reloads on SIGHUP.
/// </summary>
internal static class RunCommand
{
    public static Command Build()
    {
        var config = CommandOptions.Config();
        var stateDirectory = CommandOptions.StateDirectory();
        var nft = CommandOptions.Nft();
        // For tests and image builds: where generated units go instead of /etc/systemd/system. Hidden: on a host the
        // default is the only right place (systemd reads it before any unit starts).
        var unitDirectory = new Option<string?>("--unit-directory") { Hidden = true, HelpName = "PATH" };
        var command = new Command("run", "Run the daemon (what wgagent.service runs): kill switch, tunnel watch, exporters on the WireGuard address, reload on SIGHUP.")
        {
            config,
            stateDirectory,
            nft,
            unitDirectory,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var options = new DaemonOptions
            {
                ConfigPath = parseResult.GetValue(config)!,
                StateDirectory = LastGoodStore.ResolveDirectory(parseResult.GetValue(stateDirectory), Environment.GetEnvironmentVariable("STATE_DIRECTORY")),
            };
            if (parseResult.GetValue(unitDirectory) is { } units)
            {
                options = options with { UnitDirectory = units };
            }

            return CommandFailure.GuardAsync("run", error,
                () => DaemonHost.RunAsync(options, CommandOptions.CreateNftables(parseResult.GetValue(nft)), cancellationToken));
        });
        return command;
    }
}
