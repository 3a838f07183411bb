namespace WgAgent.Core.Config;

/// <summary>The transport protocols a port rule can name.</summary>
public enum TransportProtocol
{
    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,
}
