namespace WgAgent.Tunnel;

/// <summary>A dump the watcher needed was refused or kept being interrupted; the watcher reopens the socket.</summary>
internal sealed class NetlinkSyncException : Exception
{
    public NetlinkSyncException(string message)
        : base(message)
    {
    }
}
