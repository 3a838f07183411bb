using System.Net;

namespace WgAgent.Lab.Echo;

/// <summary>One connection or datagram an echo service received: evidence of what reached the target.</summary>
/// <param name="Protocol">"tcp" or "udp".</param>
/// <param name="Local">The address and port it arrived on.</param>
/// <param name="Remote">Who sent it.</param>
/// <param name="At">When it arrived.</param>
public sealed record EchoHit(string Protocol, IPEndPoint Local, IPEndPoint Remote, DateTimeOffset At);
