namespace WgAgent.System.Tests.Daemon;

/// <summary>
/// A perl stand-in for <c>wgagent run</c> (not usable yet) that speaks the daemon's sd_notify protocol, so the
/// stand-in unit shows Type=notify, NotifyAccess=main, WatchdogSec= and ExecReload= working under the sandbox:
/// READY=1 with a STATUS= line at start, WATCHDOG=1 every 5 s, RELOADING=1 then READY=1 on SIGHUP, STOPPING=1 on
/// SIGTERM. Prints one line per event to the journal.
/// </summary>
public static class StandInDaemonScript
{
    /// <summary>Where the script is put in the host.</summary>
    public const string Path = "/usr/local/lib/wgagent-sandbox-probe/standin.pl";

    /// <summary>The STATUS= text after the first start.</summary>
    public const string ReadyStatus = "stand-in ready";

    /// <summary>The STATUS= text after the first reload.</summary>
    public const string ReloadedStatus = "stand-in reloaded 1 time(s)";

    /// <summary>The script.</summary>
    public const string Text = """
        # Written by the wgagent system tests: the main process of wgagent-standin-probe.service.
        use strict;
        use warnings;
        use Socket qw(SOCK_DGRAM);
        use IO::Socket::UNIX;
        $| = 1;
        my $path = $ENV{NOTIFY_SOCKET} or die "NOTIFY_SOCKET is not set\n";
        $path =~ s/^@/\0/;
        sub notify {
            my $socket = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Peer => $path) or die "connecting to $path: $!\n";
            defined $socket->send($_[0]) or die "sending to $path: $!\n";
        }
        my $reloads = 0;
        $SIG{HUP} = sub {
            $reloads++;
            notify("RELOADING=1");
            print "SIGHUP: reload $reloads\n";
            notify("READY=1\nSTATUS=stand-in reloaded $reloads time(s)");
        };
        $SIG{TERM} = sub { notify("STOPPING=1"); print "SIGTERM: stopping\n"; exit 0; };
        notify("READY=1\nSTATUS=stand-in ready");
        print "ready\n";
        while (1) {
            notify("WATCHDOG=1");
            sleep 5;
        }

        """;
}
