namespace WgAgent.Lab.Demo.Steps;

/// <summary>One chapter of the demo. A step throws (with a clear message) when what it shows is not so.</summary>
public abstract class DemoStep
{
    /// <summary>The heading shown before it runs.</summary>
    public abstract string Title { get; }

    /// <summary>Shows and checks its part of the lab.</summary>
    public abstract Task RunAsync(DemoContext context);
}
