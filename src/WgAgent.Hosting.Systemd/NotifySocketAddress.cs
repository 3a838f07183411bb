using System.Net.Sockets;

namespace WgAgent.Hosting.Systemd;

/// <summary>Turns $NOTIFY_SOCKET into a Unix datagram socket address (sd_notify(3)).</summary>
internal static class NotifySocketAddress
{
    /// <summary>
    /// Parses <paramref name="value"/>: an absolute path, or an abstract socket name written with a
    /// leading '@' (sd_notify(3): "@" stands for the leading NUL byte of Linux's abstract namespace,
    /// unix(7)). Anything else (empty, relative, "vsock:…" of newer managers, too long for sun_path) is
    /// not an address this notifier can use.
    /// </summary>
    /// <param name="value">The variable's value, or null when unset.</param>
    /// <param name="endpoint">The address, or null.</param>
    /// <param name="problem">Why it is unusable, for the log; null when it is usable or simply unset.</param>
    /// <returns>True when <paramref name="endpoint"/> is set.</returns>
    public static bool TryParse(string? value, out UnixDomainSocketEndPoint? endpoint, out string? problem)
    {
        endpoint = null;
        problem = null;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        string name;
        if (value[0] == '@' && value.Length > 1)
        {
            name = "\0" + value[1..];
        }
        else if (value[0] == '/')
        {
            name = value;
        }
        else
        {
            problem = $"NOTIFY_SOCKET={value} is neither an absolute path nor an abstract name (@…); notifications are off";
            return false;
        }

        try
        {
            endpoint = new UnixDomainSocketEndPoint(name);
            return true;
        }
        catch (ArgumentException e)
        {
            problem = $"NOTIFY_SOCKET={value} is not a usable socket address ({e.Message}); notifications are off";
            return false;
        }
    }
}
