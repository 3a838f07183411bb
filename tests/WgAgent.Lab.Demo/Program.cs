namespace WgAgent.Lab.Demo;

/// <summary>Placeholder until the lab demo lands.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main() => 0;
}
