namespace WgAgent.Lab.Tests.Killswitch.Support;

/// <summary>Named postures for [Theory] rows (xunit data must be simple values).</summary>
internal static class Postures
{
    /// <summary>PRODUCT.md's defaults: normal egress and inbound, only the exporter ports guarded (seed 001).</summary>
    public const string Defaults = "defaults";

    /// <summary>Everything strict: egress only through the tunnel, unsolicited inbound dropped.</summary>
    public const string Strict = "strict";

    public static Posture Named(string name) => name switch
    {
        Defaults => Posture.Default,
        Strict => new Posture { Egress = "tunnel", Inbound = "restricted" },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such posture"),
    };
}
