namespace WgAgent.DebBuild.Spec;

/// <summary>The spec (or a file it names) is not usable; <see cref="Exception.Message"/> is one line per problem.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception from the problems found, in file order.</summary>
    public SpecException(IReadOnlyList<SpecDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }
}
