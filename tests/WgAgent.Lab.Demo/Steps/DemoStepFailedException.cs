namespace WgAgent.Lab.Demo.Steps;

/// <summary>A demo step saw something that is not as it should be.</summary>
public sealed class DemoStepFailedException(string message) : Exception(message);
