namespace WgAgent.DebBuild.Spec;

/// <summary>A place in the spec file, 1-based, as compilers print it: <c>nfpm.yaml:12:5</c>.</summary>
/// <param name="File">The file name as the user gave it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SpecPosition(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
