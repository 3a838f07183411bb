namespace WgAgent.Daemon.Bench.Interop;

/// <summary>A libc call failed; the message names the call and errno.</summary>
internal sealed class LibcException(string message) : Exception(message);
