using System.Diagnostics.CodeAnalysis;
using WgAgent.Core.Diagnostics;

namespace WgAgent.Core.WireGuard;

/// <summary>What <see cref="WireGuardConfigReader.Read"/> found: the model when there was no error, and
/// every diagnostic (errors and warnings) in file order.</summary>
/// <param name="Config">The model; null when any diagnostic is an error.</param>
/// <param name="Diagnostics">All diagnostics, sorted by line and column.</param>
public sealed record WireGuardConfigReadResult(WireGuardConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the file had no errors (warnings allowed) and <see cref="Config"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Config))]
    public bool Succeeded => Config is not null;

    /// <summary>The errors alone.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(diagnostic => diagnostic.IsError);

    /// <summary>The warnings alone.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(diagnostic => !diagnostic.IsError);
}
