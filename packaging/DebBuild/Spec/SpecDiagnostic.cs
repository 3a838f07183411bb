namespace WgAgent.DebBuild.Spec;

/// <summary>One problem in the spec, at the place it was found.</summary>
/// <param name="Position">Where.</param>
/// <param name="Message">What, starting with the key path (<c>contents[2].src: ...</c>) where there is one.</param>
public sealed record SpecDiagnostic(SpecPosition Position, string Message)
{
    /// <summary>One line: <c>nfpm.yaml:LINE:COL: error: MESSAGE</c>.</summary>
    public override string ToString() => $"{Position}: error: {Message}";
}
