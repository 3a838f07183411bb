namespace WgAgent.Core.Tests.WireGuard;

/// <summary>Well-formed WireGuard keys for test files: 32 bytes of a repeated value, in base64.</summary>
internal static class TestKeys
{
    public static string Key(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    /// <summary>A stand-in private key; tests assert it never shows up in output.</summary>
    public static string Private { get; } = Key(0x5A);

    public static string Psk { get; } = Key(0x77);

    public static string PeerA { get; } = Key(0x01);

    public static string PeerB { get; } = Key(0x02);

    public static string PeerC { get; } = Key(0x03);
}
