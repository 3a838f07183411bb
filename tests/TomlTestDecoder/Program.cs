namespace TomlTestDecoder;

/// <summary>Placeholder until the decoder lands.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main() => 0;
}
