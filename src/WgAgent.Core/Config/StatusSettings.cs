namespace WgAgent.Core.Config;

/// <summary>The <c>[status]</c> section: the local status API.</summary>
/// <param name="Socket">The Unix socket path of the HTTP status API.</param>
/// <param name="Group">The group whose members may read the status.</param>
public sealed record StatusSettings(string Socket, string Group);
