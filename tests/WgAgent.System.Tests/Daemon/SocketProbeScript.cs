namespace WgAgent.System.Tests.Daemon;

/// <summary>
/// A perl script (perl-base is in every Debian, the lab's minimal rootfs included; python3 and socat are not) that
/// does what the daemon will do in-process with sockets, so the probe can show the sandbox allows it: create the
/// status socket in the RuntimeDirectory, give it to group wgagent and mode 0660 (without CAP_CHOWN: the unit's
/// SupplementaryGroups= makes the process a member), and listen on the tunnel addresses as the metrics listener will.
/// </summary>
public static class SocketProbeScript
{
    /// <summary>Where the script is put in the host (read-only under the sandbox, which is all it needs).</summary>
    public const string Path = "/usr/local/lib/wgagent-sandbox-probe/sockets.pl";

    /// <summary>The metrics port of PRODUCT.md ([metrics] port).</summary>
    public const int MetricsPort = 9586;

    /// <summary>
    /// Usage: <c>perl sockets.pl SOCKET GROUP PORT ADDRESS...</c>. Prints one line per socket; dies with the
    /// errno text on the first failure (the probe unit then fails).
    /// </summary>
    public const string Text = """
        # Written by the wgagent system tests: run by wgagent-sandbox-probe.service under wgagent.service's sandbox.
        use strict;
        use warnings;
        use Socket qw(SOCK_STREAM);
        use IO::Socket::UNIX;
        use IO::Socket::IP;
        $| = 1;
        my ($path, $group, $port, @addresses) = @ARGV;
        unlink $path;
        my $unix = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $path, Listen => 1)
            or die "listening on $path: $!\n";
        my $gid = getgrnam($group);
        defined $gid or die "group $group does not exist\n";
        chown(-1, $gid, $path) == 1 or die "chgrp $group $path: $!\n";
        chmod(0660, $path) == 1 or die "chmod 0660 $path: $!\n";
        print "status socket: $path group $group mode 0660\n";
        for my $address (@addresses) {
            my $tcp = IO::Socket::IP->new(LocalHost => $address, LocalPort => $port, Listen => 1, ReuseAddr => 1)
                or die "listening on $address port $port: $IO::Socket::errstr\n";
            print "metrics listener: ", $tcp->sockhost, " port ", $tcp->sockport, "\n";
            close $tcp;
        }

        """;
}
