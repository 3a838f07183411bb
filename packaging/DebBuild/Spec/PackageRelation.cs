namespace WgAgent.DebBuild.Spec;

/// <summary>One relationship field of the control file (deb-control(5)), e.g. Depends.</summary>
/// <param name="Field">The control field name: Depends, Recommends, ...</param>
/// <param name="Packages">The entries, each as written (<c>libc6 (&gt;= 2.34)</c>), joined with ", " in the control file.</param>
public sealed record PackageRelation(string Field, IReadOnlyList<string> Packages);
